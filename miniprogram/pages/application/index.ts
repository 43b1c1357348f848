// 办件详情: one application with its dates, what was submitted, its timeline, and withdrawing while pending.
import { resident } from '../../services/resident';
import { newRequestId } from '../../services/transport';
import { detailModel, type DetailModel } from './model';

Component({
  data: {
    id: '',
    loading: true,
    error: '',
    model: null as DetailModel | null,
    withdrawing: false,
    withdrawRequestId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ id: query.id ?? '' });
    },
    // Loaded on every show: coming back from 补正 shows the resubmitted state. Only the first load
    // shows the spinner; later ones (after the photo viewer or the map, too) refresh in place.
    onShow() {
      if (this.data.id) this.load();
    },
    async load() {
      this.setData({ loading: !this.data.model, error: '' });
      const result = await resident.getApplication(this.data.id);
      if (!result.ok) return this.setData({ loading: false, error: result.error.message });
      this.setData({ loading: false, model: detailModel(result.data) });
    },
    onMap() {
      const location = this.data.model?.pickup?.location;
      if (location) wx.openLocation({ ...location, scale: 16 });
    },
    onCall() {
      const phone = this.data.model?.pickup?.phone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone });
    },
    onCorrect() {
      wx.navigateTo({ url: `/pages/correct/index?id=${this.data.id}` });
    },
    async onWithdraw() {
      const { confirm } = await wx.showModal({ title: '撤回申请', content: '撤回后这份申请不再审核，需要时可以重新申请。确定撤回吗？', confirmText: '撤回', confirmColor: '#ee0a24' });
      if (!confirm) return;
      // The same request id on a retry, so a lost answer cannot withdraw twice.
      const requestId = this.data.withdrawRequestId || newRequestId();
      this.setData({ withdrawing: true, withdrawRequestId: requestId });
      const result = await resident.withdraw(this.data.id, requestId);
      this.setData({ withdrawing: false });
      if (!result.ok) {
        wx.showToast({ title: result.error.message, icon: 'none' });
        return;
      }
      this.setData({ withdrawRequestId: '' });
      wx.showToast({ title: '已撤回', icon: 'success' });
      this.load();
    },
  },
});
