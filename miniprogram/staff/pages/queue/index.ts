// 待办: the applications of the staff member's districts, filtered by status and kind, earliest due first.
import { staff } from '../../../services/staff';
import { toast } from '../../../utils/feedback';
import { navigate } from '../../../utils/routes';
import { filterOf, KIND_OPTIONS, queueRow, STATUS_OPTIONS, type QueueRow } from './model';

Component({
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
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      const generation = this.data.generation + 1;
      this.setData({ loading: true, error: '', generation });
      const result = await staff.queue(filterOf(this.data.status, this.data.kind));
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
      this.setData({ loadingMore: false, rows: [...this.data.rows, ...result.data.items.map(queueRow)], nextCursor: result.data.nextCursor });
    },
    onStatus(event: VantEvent<string>) {
      this.setData({ status: event.detail });
      this.load();
    },
    onKind(event: VantEvent<string>) {
      this.setData({ kind: event.detail });
      this.load();
    },
    onOpen(event: VantEvent<unknown, { id: string }>) {
      navigate('staffReview', { id: event.currentTarget.dataset.id });
    },
  },
});
