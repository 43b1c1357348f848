// 我的办件: every application of the person, newest first, a page at a time.
import { resident } from '../../services/resident';
import { rowOf, type ApplicationRow } from './model';

Component({
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
      this.setData({ loading: true, error: '' });
      const result = await resident.listApplications();
      if (!result.ok) return this.setData({ loading: false, error: result.error.message });
      this.setData({ loading: false, rows: result.data.items.map(rowOf), nextCursor: result.data.nextCursor });
    },
    async loadMore() {
      if (!this.data.nextCursor || this.data.loadingMore) return;
      this.setData({ loadingMore: true });
      const result = await resident.listApplications(this.data.nextCursor);
      if (!result.ok) {
        this.setData({ loadingMore: false });
        wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ loadingMore: false, rows: [...this.data.rows, ...result.data.items.map(rowOf)], nextCursor: result.data.nextCursor });
    },
    onOpen(event: VantEvent<unknown, { id: string }>) {
      wx.navigateTo({ url: `/pages/application/index?id=${event.currentTarget.dataset.id}` });
    },
    onDeclare() {
      wx.navigateTo({ url: '/pages/apply/index?service=declaration' });
    },
  },
});
