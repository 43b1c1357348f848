// The districts and counties of Changsha (division codes).

export interface District {
  code: string;
  name: string;
}

export const DISTRICTS: readonly District[] = [
  { code: '430102', name: '芙蓉区' },
  { code: '430103', name: '天心区' },
  { code: '430104', name: '岳麓区' },
  { code: '430105', name: '开福区' },
  { code: '430111', name: '雨花区' },
  { code: '430112', name: '望城区' },
  { code: '430121', name: '长沙县' },
  { code: '430181', name: '浏阳市' },
  { code: '430182', name: '宁乡市' },
];

export function districtByCode(code: string): District | undefined {
  return DISTRICTS.find((d) => d.code === code);
}

export function districtName(code: string): string {
  return districtByCode(code)?.name ?? code;
}
