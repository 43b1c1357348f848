// Where results are collected, in person only. Only what a reliable source gives is filled in: the
// hall's address comes from the city's published rule; opening hours, phone numbers and coordinates
// are left out until they are confirmed, and pages show "以窗口公告为准" for them. Never invent them.
import { districtByCode } from './districts';

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

/** 长沙县, 望城区, 浏阳市 and 宁乡市: the police station of the place of residence. */
function localStation(districtName: string): PickupPlace {
  return { name: `${districtName}居住地派出所`, address: '您居住地址所属的派出所' };
}

export function pickupPlaceFor(districtCode: string): PickupPlace {
  const district = districtByCode(districtCode);
  return !district || district.pickup === 'hall' ? CITY_HALL : localStation(district.name);
}
