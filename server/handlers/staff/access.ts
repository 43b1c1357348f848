// Who is staff, and what they may see: the server's own staff records, never a claim of the client.
import { AppError } from '../../../miniprogram/domain/errors';
import type { Context, StaffRecord } from '../../context';
import type { ApplicationRecord } from '../../records';
import type { Doc } from '../../store/types';

/** Staff actions run only for callers with a staff record; anyone else is FORBIDDEN. */
export async function authorizeStaff(ctx: Context): Promise<Context> {
  const record = await ctx.store.get<StaffRecord>('staff', ctx.openid);
  if (!record) throw new AppError('FORBIDDEN');
  const { _id, _version, ...staff } = record;
  return { ...ctx, staff };
}

export function staffOf(ctx: Context): StaffRecord {
  if (!ctx.staff) throw new AppError('FORBIDDEN');
  return ctx.staff;
}

export function seesDistrict(staff: StaffRecord, district: string): boolean {
  return staff.districts === 'all' || staff.districts.includes(district);
}

/** An application of the staff member's districts; another district's is NOT_FOUND, like a missing one. */
export async function reviewable(ctx: Context, id: string): Promise<Doc<ApplicationRecord>> {
  const app = await ctx.store.get<ApplicationRecord>('applications', id);
  if (!app || !seesDistrict(staffOf(ctx), app.district)) throw new AppError('NOT_FOUND');
  return app;
}
