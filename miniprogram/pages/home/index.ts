// 居住证首页: the person's standing at a glance, the four services, conditions and materials.
import type { ApplicationKind } from '../../domain/contract';
import { resident } from '../../services/resident';
import { navigate } from '../../utils/routes';
import { HOME_GUIDE, homeModel, type HomeModel } from './model';

Component({
  data: {
    loading: true,
    error: '',
    model: null as HomeModel | null,
    openPanels: [] as string[],
    guide: HOME_GUIDE,
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
    onServiceTap(event: VantEvent<unknown, { service: ApplicationKind; open: boolean }>) {
      const { service, open } = event.currentTarget.dataset;
      if (!open) return;
      navigate('apply', { service });
    },
    onStaff() {
      navigate('staffQueue');
    },
    onMine() {
      navigate('applications');
    },
    onPanelsChange(event: { detail: string[] }) {
      this.setData({ openPanels: event.detail });
    },
  },
});
