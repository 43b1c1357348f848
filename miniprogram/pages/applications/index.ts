// 我的办件: every application of the person, newest first, a page at a time.
import { resident } from '../../services/resident';
import { toast } from '../../utils/feedback';
import { appended } from '../../utils/listData';
import { navigate } from '../../utils/routes';
import { rowOf, type ApplicationRow } from './model';
import { careMode } from '../../utils/careMode';

Component({
  behaviors: [careMode],
  data: {
    loading: true,
    error: '',
    rows: [] as ApplicationRow[],
    nextCursor: null as string | null,
    loadingMore: false,
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      // The first show already shows the spinner: a setData saying so again would be a trip to the view for nothing.
      if (!this.data.loading || this.data.error) this.setData({ loading: true, error: '' });
      const result = await resident.listApplications();
      if (!result.ok) return this.setData({ loading: false, error: result.error.message });
      this.setData({ loading: false, rows: result.data.items.map(rowOf), nextCursor: result.data.nextCursor });
    },
    /** Pulling the list down reads it again: a decision may have come since it was opened. */
    async onPullDownRefresh() {
      await this.load();
      wx.stopPullDownRefresh();
    },
    async loadMore() {
      if (!this.data.nextCursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const result = await resident.listApplications(this.data.nextCursor);
      if (!result.ok) {
        this.setData({ loadingMore: false });
        toast(result.error.message);
        return;
      }
      // Appended by path ('rows[20]'…): the rows already shown are not sent to the view again.
      this.setData({ loadingMore: false, ...appended('rows', this.data.rows.length, result.data.items.map(rowOf)), nextCursor: result.data.nextCursor });
    },
    onOpen(event: VantEvent<unknown, { id: string }>) {
      navigate('application', { id: event.currentTarget.dataset.id });
    },
    onDeclare() {
      navigate('apply', { service: 'declaration' });
    },
  },
});
