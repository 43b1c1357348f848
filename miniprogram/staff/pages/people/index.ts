// 人员管理: a supervisor gives or changes a staff role of their own districts, or takes one; the server checks
// every rule again and records who did it.
import type { StaffMember } from '../../../domain/contract';
import { newRequestId } from '../../../services/transport';
import { staff } from '../../../services/staff';
import { confirm, toast, toastDone } from '../../../utils/feedback';
import { districtChoices, grantOf, memberLine, type DistrictChoice, type GrantForm } from './model';
import { districtCard, OVERVIEW_DAYS, overviewDistricts, type DistrictCard } from './overview';
import { careMode } from '../../../utils/careMode';

/** Pages closed before their answers came: those answers are dropped, not drawn on a page that is gone. */
const closed = new WeakSet<object>();

const EMPTY_FORM: GrantForm = { openid: '', name: '', badge: '', districts: [], supervisor: false };

Component({
  behaviors: [careMode],
  data: {
    loading: true,
    supervisor: false,
    notice: '',
    me: '',
    choices: [] as DistrictChoice[],
    /** The overview of each district the supervisor oversees. */
    overview: [] as DistrictCard[],
    form: { ...EMPTY_FORM },
    errors: {} as Record<string, string>,
    granting: false,
    granted: '',
    revokeOpenid: '',
    revoking: false,
    // The same id until the change lands: a retry after a lost answer cannot change twice.
    requestIds: { grant: '', revoke: '' },
  },
  methods: {
    async onLoad() {
      const result = await staff.profile();
      if (!result.ok) return this.setData({ loading: false, notice: result.error.code === 'FORBIDDEN' ? '人员管理仅供主管使用' : result.error.message });
      const me: StaffMember = result.data;
      if (!me.supervisor) return this.setData({ loading: false, notice: '人员管理仅供主管使用' });
      const codes = overviewDistricts(me.districts);
      this.setData({
        loading: false,
        supervisor: true,
        me: `当前登录：${memberLine(me)}`,
        choices: districtChoices(me.districts),
        overview: codes.map((code) => districtCard(code, null)),
      });
      void this.loadOverview(codes);
    },
    onUnload() {
      closed.add(this);
    },
    /** Every district's figures, asked at once and shown together; one that fails says so on its own card. */
    async loadOverview(codes: string[]) {
      const results = await Promise.all(codes.map((code) => staff.stats(code, OVERVIEW_DAYS)));
      if (closed.has(this)) return;
      const overview = results.map((result, index) => (result.ok ? districtCard(codes[index], result.data) : districtCard(codes[index], null, result.error.message)));
      this.setData({ overview });
    },
    noop() {},
    onField(event: VantEvent<string, { field: keyof GrantForm }>) {
      const { field } = event.currentTarget.dataset;
      this.setData({ [`form.${field}`]: event.detail, [`errors.${field}`]: '' });
    },
    onDistricts(event: VantEvent<string[]>) {
      this.setData({ 'form.districts': event.detail, 'errors.districts': '' });
    },
    onToggleDistrict(event: VantEvent<unknown, { code: string }>) {
      const { code } = event.currentTarget.dataset;
      const chosen = this.data.form.districts;
      this.setData({ 'form.districts': chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code], 'errors.districts': '' });
    },
    /** The whole row is the switch (a large target); the switch in it only shows the state. */
    onSupervisor() {
      this.setData({ 'form.supervisor': !this.data.form.supervisor });
    },
    onRevokeOpenid(event: VantEvent<string>) {
      this.setData({ revokeOpenid: event.detail, 'errors.revoke': '' });
    },
    async onGrant() {
      if (this.data.granting) return;
      const requestId = this.data.requestIds.grant || newRequestId();
      this.setData({ granting: true, errors: {}, granted: '', 'requestIds.grant': requestId });
      const result = await staff.grantStaff(grantOf(this.data.form), requestId);
      if (!result.ok) {
        this.setData({ granting: false, errors: result.error.fields ?? {} });
        if (!result.error.fields) toast(result.error.message);
        return;
      }
      this.setData({ granting: false, granted: memberLine(result.data), form: { ...EMPTY_FORM }, 'requestIds.grant': '' });
      toastDone('已授权');
    },
    async onRevoke() {
      const openid = this.data.revokeOpenid.trim();
      if (this.data.revoking) return;
      if (!openid) return this.setData({ 'errors.revoke': '请填写要撤销的用户编号' });
      const sure = await confirm({ title: '撤销权限', content: `撤销后，用户编号 ${openid} 将不能再使用审核台。`, confirmText: '撤销', danger: true });
      if (!sure) return;
      const requestId = this.data.requestIds.revoke || newRequestId();
      this.setData({ revoking: true, 'requestIds.revoke': requestId });
      const result = await staff.revokeStaff(openid, requestId);
      if (!result.ok) {
        this.setData({ revoking: false, 'errors.revoke': result.error.fields?.openid ?? result.error.message });
        return;
      }
      this.setData({ revoking: false, revokeOpenid: '', 'requestIds.revoke': '' });
      toastDone('已撤销');
    },
  },
});
