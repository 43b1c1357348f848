// 办件详情: one application with its number, dates, what was submitted, its timeline, the pickup code, and withdrawing while pending.
import { resident } from '../../services/resident';
import { fileUrl } from '../../services/links';
import { newRequestId } from '../../services/transport';
import { confirm, toast, toastDone } from '../../utils/feedback';
import { navigate } from '../../utils/routes';
import { detailModel, type DetailModel } from './model';
import { careMode } from '../../utils/careMode';

Component({
  behaviors: [careMode],
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
      const loading = !this.data.model;
      // Only a change goes to the view: on the first show the spinner is already there.
      if (loading !== this.data.loading || this.data.error) this.setData({ loading, error: '' });
      const result = await resident.getApplication(this.data.id);
      if (!result.ok) return this.setData({ loading: false, error: result.error.message });
      this.setData({ loading: false, model: detailModel(result.data, fileUrl) });
    },
    /** The number the window asks for: WeChat says 内容已复制 itself. */
    onCopyNumber() {
      if (this.data.id) wx.setClipboardData({ data: this.data.id });
    },
    onMap() {
      const location = this.data.model?.pickup?.location;
      if (location) wx.openLocation({ ...location, scale: 16 });
    },
    onCall() {
      const phone = this.data.model?.pickup?.phone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone });
    },
    /** A refusal ends this application: the same service is applied for afresh, by its own flow. */
    onReapply() {
      const service = this.data.model?.service;
      // The flow starts from this application: its form and photos, with its reasons beside them.
      if (service) navigate('apply', { service, from: this.data.id });
    },
    onCorrect() {
      navigate('correct', { id: this.data.id });
    },
    async onWithdraw() {
      const content = '撤回后这件办件不再审核，需要时可以重新申请。确定撤回吗？';
      if (!(await confirm({ title: '撤回申请', content, confirmText: '撤回', danger: true }))) return;
      // The same request id on a retry, so a lost answer cannot withdraw twice.
      const requestId = this.data.withdrawRequestId || newRequestId();
      this.setData({ withdrawing: true, withdrawRequestId: requestId });
      const result = await resident.withdraw(this.data.id, requestId);
      this.setData({ withdrawing: false });
      if (!result.ok) {
        toast(result.error.message);
        return;
      }
      this.setData({ withdrawRequestId: '' });
      toastDone('已撤回');
      this.load();
    },
  },
});
