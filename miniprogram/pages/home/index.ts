// 居住证首页: the person's standing at a glance, the four services, conditions and materials.
import { resident } from '../../services/resident';
import { homeModel, type HomeModel } from './model';

Component({
  data: {
    loading: true,
    error: '',
    model: null as HomeModel | null,
    openPanels: [] as string[],
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      this.setData({ loading: true, error: '' });
      const result = await resident.overview();
      if (result.ok) this.setData({ loading: false, model: homeModel(result.data) });
      else this.setData({ loading: false, error: result.error.message });
    },
    onServiceTap(event: VantEvent<unknown, { service: string; open: boolean }>) {
      const { service, open } = event.currentTarget.dataset;
      if (!open) return;
      wx.navigateTo({ url: `/pages/apply/index?service=${service}` });
    },
    onStaff() {
      wx.navigateTo({ url: '/staff/pages/queue/index' });
    },
    onMine() {
      wx.navigateTo({ url: '/pages/applications/index' });
    },
    onPanelsChange(event: { detail: string[] }) {
      this.setData({ openPanels: event.detail });
    },
  },
});
