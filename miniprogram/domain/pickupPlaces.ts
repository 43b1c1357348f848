// Where results are collected, in person only: every place, by the district or county of residence.
// Only what a reliable source gives is filled in: the hall's address comes from the city's published
// rule; opening hours, phone numbers and coordinates are left out until they are confirmed, and pages
// show "以窗口公告为准" for them. Never invent them.

export interface PickupPlace {
  name: string;
  address: string;
  hours?: string;
  phone?: string;
  location?: { latitude: number; longitude: number };
}

/** The urban districts' hall. */
export const CITY_HALL: PickupPlace = {
  name: '长沙市公安局人口与出入境管理支队接待大厅',
  address: '长沙市雨花区金盾路30号',
};

/** The counties collect at the police station of the place of residence, which the address decides. */
const LOCAL_STATION_ADDRESS = '您居住地址所属的派出所';

const PLACES: Readonly<Record<string, PickupPlace>> = {
  '430102': CITY_HALL, // 芙蓉区
  '430103': CITY_HALL, // 天心区
  '430104': CITY_HALL, // 岳麓区
  '430105': CITY_HALL, // 开福区
  '430111': CITY_HALL, // 雨花区
  '430112': { name: '望城区居住地派出所', address: LOCAL_STATION_ADDRESS },
  '430121': { name: '长沙县居住地派出所', address: LOCAL_STATION_ADDRESS },
  '430181': { name: '浏阳市居住地派出所', address: LOCAL_STATION_ADDRESS },
  '430182': { name: '宁乡市居住地派出所', address: LOCAL_STATION_ADDRESS },
};

/** The place for a district code; every district a declaration accepts has one. */
export function pickupPlaceFor(districtCode: string): PickupPlace {
  const place = PLACES[districtCode];
  if (!place) throw new Error(`no pickup place for district ${districtCode}`);
  return place;
}
