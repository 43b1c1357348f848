// Where results are collected, in person only: every place, by the district or county of residence.
// Only what a reliable source gives is filled in: the hall's address comes from the city's published
// rule; opening hours, phone numbers and coordinates are left out until they are confirmed, and pages
// show UNCONFIRMED for them. Never invent them.
import { DISTRICTS, type District } from './districts';

/** What a page shows for a detail of a place that is not confirmed. */
export const UNCONFIRMED = '以窗口公告为准';

/** Results are handed over to the person only, at the counter. */
export const IN_PERSON = '一律本人到现场领取';

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

/** The urban districts, which collect at the hall: 芙蓉区, 天心区, 岳麓区, 开福区, 雨花区. */
const URBAN_DISTRICTS: readonly string[] = ['430102', '430103', '430104', '430105', '430111'];

/** The counties collect at the police station of the place of residence, which the address decides. */
const LOCAL_STATION = '居住地派出所';
const LOCAL_STATION_ADDRESS = '您居住地址所属的派出所';

/**
 * How a county's resident finds their station. Which station it is depends on the street address, and no
 * reliable list of the stations' names and addresses is held here: the page says where to ask, never a guess.
 */
export const FIND_LOCAL_STATION = '可拨打 12345 或询问所在社区居委会，查询您居住地址所属的派出所';

const PLACES: Readonly<Record<string, PickupPlace>> = Object.fromEntries(
  DISTRICTS.map((d) => [d.code, URBAN_DISTRICTS.includes(d.code) ? CITY_HALL : { name: `${d.name}${LOCAL_STATION}`, address: LOCAL_STATION_ADDRESS }]),
);

/** The place for a district code; every district a declaration accepts has one. */
export function pickupPlaceFor(districtCode: string): PickupPlace {
  const place = Object.prototype.hasOwnProperty.call(PLACES, districtCode) ? PLACES[districtCode] : undefined;
  if (!place) throw new Error(`no pickup place for district ${districtCode}`);
  return place;
}

/**
 * The address a page shows for a district's place: the hall's own address, or, for a county's station
 * (whose address the resident's street decides), how to find it.
 */
export function pickupAddressFor(districtCode: string): string {
  const place = pickupPlaceFor(districtCode);
  return URBAN_DISTRICTS.includes(districtCode) ? place.address : FIND_LOCAL_STATION;
}

/** Where each group of districts collects, for a page that explains pickup to everyone at once. */
export function pickupGroups(): { districts: District[]; place: string }[] {
  const isUrban = (d: District) => URBAN_DISTRICTS.includes(d.code);
  return [
    { districts: DISTRICTS.filter(isUrban), place: `${CITY_HALL.name}（${CITY_HALL.address}）` },
    { districts: DISTRICTS.filter((d) => !isUrban(d)), place: `${LOCAL_STATION}（${FIND_LOCAL_STATION}）` },
  ];
}
