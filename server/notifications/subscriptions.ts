// What each person accepted in WeChat's subscription prompt, one document per openid (collection `subscriptions`).
import type { Subscriptions } from '../../miniprogram/domain/notifications';
import type { Store } from '../store/types';

export interface SubscriptionRecord {
  results: Subscriptions;
  updatedAt: number;
}

export async function subscriptionsOf(store: Store, openid: string): Promise<Subscriptions> {
  return (await store.get<SubscriptionRecord>('subscriptions', openid))?.results ?? {};
}
