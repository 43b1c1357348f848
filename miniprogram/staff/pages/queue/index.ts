// 待办: the applications of the staff member's districts, filtered by status and kind, earliest due first.
import { staff } from '../../../services/staff';
import { askSubscriptions, preloadSubscriptions } from '../../../services/subscriptions';
import { toast, toastDone } from '../../../utils/feedback';
import { appended } from '../../../utils/listData';
import { navigate } from '../../../utils/routes';
import { filterOf, KIND_OPTIONS, queueRow, STATUS_OPTIONS, type QueueRow } from './model';
import { careMode } from '../../../utils/careMode';

Component({
  behaviors: [careMode],
  data: {
    statusOptions: STATUS_OPTIONS,
    kindOptions: KIND_OPTIONS,
    status: '',
    kind: '',
    loading: true,
    forbidden: false,
    error: '',
    rows: [] as QueueRow[],
    nextCursor: null as string | null,
    loadingMore: false,
    // Answers to an older filter arrive late sometimes; only the latest request may fill the list.
    generation: 0,
    /** Accepted in this visit: one acceptance allows one day's message, so it is offered again on the next visit. */
    overdueSubscribed: false,
    /** The caller supervises: the entry to 人员管理 is shown. */
    supervisor: false,
  },
  methods: {
    async onLoad() {
      const me = await staff.profile();
      if (me.ok && me.data.supervisor) this.setData({ supervisor: true });
    },
    onShow() {
      void preloadSubscriptions('staff');
      this.load();
    },
    /** The prompt is the tap's first act: WeChat shows it only from inside a tap, before anything asynchronous. */
    onSubscribeOverdue() {
      void askSubscriptions(['staff_overdue']).then(({ asked, accepted }) => {
        if (!asked) toast('暂时无法订阅提醒，请稍后再试');
        else if (accepted.includes('staff_overdue')) {
          this.setData({ overdueSubscribed: true });
          toastDone('已订阅超期提醒');
        }
      });
    },
    /** `filter`: a changed status or kind, set with the spinner in one setData (the retry button passes its tap event). */
    async load(filter: { status?: string; kind?: string } = {}) {
      const { status = this.data.status, kind = this.data.kind } = filter;
      const generation = this.data.generation + 1;
      this.setData({ ...(status !== this.data.status ? { status } : {}), ...(kind !== this.data.kind ? { kind } : {}), loading: true, error: '', generation });
      const result = await staff.queue(filterOf(status, kind));
      if (generation !== this.data.generation) return;
      if (!result.ok) {
        const forbidden = result.error.code === 'FORBIDDEN';
        return this.setData({ loading: false, forbidden, error: forbidden ? '' : result.error.message });
      }
      this.setData({ loading: false, forbidden: false, rows: result.data.items.map(queueRow), nextCursor: result.data.nextCursor });
    },
    async loadMore() {
      if (!this.data.nextCursor || this.data.loadingMore) return;
      const { generation } = this.data;
      this.setData({ loadingMore: true });
      const result = await staff.queue(filterOf(this.data.status, this.data.kind), this.data.nextCursor);
      if (generation !== this.data.generation) return;
      if (!result.ok) {
        this.setData({ loadingMore: false });
        toast(result.error.message);
        return;
      }
      // Appended by path ('rows[20]'…): the rows already shown are not sent to the view again.
      this.setData({ loadingMore: false, ...appended('rows', this.data.rows.length, result.data.items.map(queueRow)), nextCursor: result.data.nextCursor });
    },
    onStatus(event: VantEvent<string>) {
      this.load({ status: event.detail });
    },
    onKind(event: VantEvent<string>) {
      this.load({ kind: event.detail });
    },
    onPeople() {
      navigate('staffPeople');
    },
    onOpen(event: VantEvent<unknown, { id: string }>) {
      navigate('staffReview', { id: event.currentTarget.dataset.id });
    },
  },
});
