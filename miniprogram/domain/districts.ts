// The districts and counties of Changsha (division codes), and which pickup place serves each.

export type PickupKind = 'hall' | 'station';

export interface District {
  code: string;
  name: string;
  /** Urban districts collect at the city hall on 金盾路; the others at the local police station. */
  pickup: PickupKind;
}

export const DISTRICTS: readonly District[] = [
  { code: '430102', name: '芙蓉区', pickup: 'hall' },
  { code: '430103', name: '天心区', pickup: 'hall' },
  { code: '430104', name: '岳麓区', pickup: 'hall' },
  { code: '430105', name: '开福区', pickup: 'hall' },
  { code: '430111', name: '雨花区', pickup: 'hall' },
  { code: '430112', name: '望城区', pickup: 'station' },
  { code: '430121', name: '长沙县', pickup: 'station' },
  { code: '430181', name: '浏阳市', pickup: 'station' },
  { code: '430182', name: '宁乡市', pickup: 'station' },
];

export function districtByCode(code: string): District | undefined {
  return DISTRICTS.find((d) => d.code === code);
}

export function districtName(code: string): string {
  return districtByCode(code)?.name ?? code;
}
