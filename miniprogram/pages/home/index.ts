// 居住证首页: the person's standing at a glance, the four services, conditions and materials.
import type { ApplicationKind } from '../../domain/contract';
import { resident } from '../../services/resident';
import { askSubscriptions, preloadSubscriptions } from '../../services/subscriptions';
import { toast, toastDone } from '../../utils/feedback';
import { navigate, urlOf } from '../../utils/routes';
import { HOME_GUIDE, homeModel, type HomeModel } from './model';
import { careMode, careState, saveCareMode, type CareState } from '../../utils/careMode';

const SHARE_TITLE = '长沙居住证：居住信息申报、居住证申领，在微信里办';

Component({
  behaviors: [careMode],
  data: {
    loading: true,
    error: '',
    model: null as HomeModel | null,
    openPanels: [] as string[],
    guide: HOME_GUIDE,
    /** Accepted in this visit: the offer is not made twice. */
    reminded: false,
  },
  methods: {
    onShow() {
      void preloadSubscriptions();
      this.load();
    },
    async load() {
      // The first show already shows the spinner: a setData saying so again would be a trip to the view for nothing.
      if (!this.data.loading || this.data.error) this.setData({ loading: true, error: '' });
      const result = await resident.overview();
      if (result.ok) this.setData({ loading: false, model: homeModel(result.data) });
      else this.setData({ loading: false, error: result.error.message });
    },
    /** A closed entry says why, and from when, in a dialog: a tap on it must not look like nothing happened. */
    onServiceTap(event: VantEvent<unknown, { service: ApplicationKind; open: boolean; title: string; note: string }>) {
      const { service, open, title, note } = event.currentTarget.dataset;
      if (open) {
        navigate('apply', { service });
        return;
      }
      // Nothing follows the dialog: one that cannot be shown is dropped.
      wx.showModal({ title: `${title}暂不可办`, content: note || '暂不能办理', showCancel: false, confirmText: '知道了' }).catch(() => undefined);
    },
    /** The prompt is the tap's first act: WeChat shows it only from inside a tap, before anything asynchronous. */
    onReminder() {
      const events = this.data.model?.reminder?.events ?? [];
      void askSubscriptions(events).then(({ asked, accepted }) => {
        if (!asked) toast('暂时无法订阅提醒，请稍后再试');
        else if (accepted.length > 0) {
          this.setData({ reminded: true });
          toastDone('到时会提醒您');
        }
      });
    },
    onSelfCheck() {
      navigate('selfCheck');
    },
    onGuide() {
      navigate('guide');
    },
    /** Shared with a friend: the home page, where every service and the guidance start. */
    onShareAppMessage() {
      return { title: SHARE_TITLE, path: urlOf('home') };
    },
    onStaff() {
      navigate('staffQueue');
    },
    onMine() {
      navigate('applications');
    },
    /** Remembered on the phone; this page grows at once, the pages opened from it are created grown. */
    onCareToggle() {
      const on = !(this.data.care as CareState).on;
      saveCareMode(on);
      this.setData({ care: careState(on) });
    },
    onPanelsChange(event: { detail: string[] }) {
      this.setData({ openPanels: event.detail });
    },
  },
});
