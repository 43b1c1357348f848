// The one application flow, parameterised by service: identity, notice, self-check form, uploads,
// confirm, then the result with its dates.
import type { Applicant, ApplicationKind, Materials, Residence } from '../../domain/contract';
import { chinaDate } from '../../domain/dates';
import { KIND_LABELS } from '../../domain/labels';
import type { UploadLists } from '../../components/material-uploads/model';
import { resident } from '../../services/resident';
import { newRequestId } from '../../services/transport';
import { longDate } from '../../utils/format';
import { AVAILABLE, SERVICE_ENTRY, STEP, STEPS, forgetFlow, loadFlow, saveFlow, serviceOf, stepOfField } from './flow';

Component({
  data: {
    service: 'declaration' as ApplicationKind,
    title: '',
    available: true,
    steps: STEPS,
    step: STEP.identity as number,
    today: chinaDate(Date.now()),
    closedReason: '',
    person: { name: '', idNumber: '' },
    token: '',
    noticeVersion: '',
    applicant: {} as Applicant,
    residence: {} as Residence,
    uploads: {} as UploadLists,
    materials: {} as Materials,
    requestId: '',
    submitting: false,
    result: { id: '', declaredOn: '', permitOpensOn: '', provisional: false, dueOn: '' },
  },
  methods: {
    async onLoad(query: Record<string, string | undefined>) {
      const service = serviceOf(query.service);
      const title = KIND_LABELS[service];
      wx.setNavigationBarTitle({ title });
      this.setData({ service, title, available: AVAILABLE.includes(service), uploads: loadFlow(service).uploads });
      // The server's date and answer, not the phone's: a wrong phone clock must not decide either.
      const overview = await resident.overview();
      if (overview.ok) {
        const state = overview.data.services[SERVICE_ENTRY[service]];
        this.setData({ today: overview.data.today, closedReason: state.open ? '' : state.reason ?? '暂不能办理' });
      }
    },
    go(step: number) {
      this.setData({ step });
      wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },
    onVerified(event: VantEvent<{ verificationToken: string; name: string; idNumber: string }>) {
      const { verificationToken, name, idNumber } = event.detail;
      this.setData({ token: verificationToken, person: { name, idNumber } });
      this.go(STEP.notice);
    },
    onAgree(event: VantEvent<{ noticeVersion: string }>) {
      this.setData({ noticeVersion: event.detail.noticeVersion });
      this.go(STEP.form);
    },
    onFormNext(event: VantEvent<{ applicant: Applicant; residence: Residence }>) {
      this.setData({ applicant: event.detail.applicant, residence: event.detail.residence });
      this.go(STEP.uploads);
    },
    onUploadsChange(event: VantEvent<UploadLists>) {
      this.setData({ uploads: event.detail });
      saveFlow(this.data.service, { uploads: event.detail });
    },
    onUploadsNext(event: VantEvent<Materials>) {
      // One request id per intended submission: a retry after a lost answer cannot submit twice.
      this.setData({ materials: event.detail, requestId: this.data.requestId || newRequestId() });
      this.go(STEP.confirm);
    },
    onEdit(event: VantEvent<{ step: number }>) {
      this.go(event.detail.step);
    },
    async onSubmit() {
      const { token, noticeVersion, applicant, residence, materials, requestId, service } = this.data;
      this.setData({ submitting: true });
      const result = await resident.submitDeclaration(
        { verificationToken: token, consent: { noticeVersion }, applicant, residence, materials },
        requestId,
      );
      this.setData({ submitting: false });
      if (result.ok) {
        const app = result.data;
        forgetFlow(service);
        this.setData({
          requestId: '',
          result: {
            id: app.id,
            declaredOn: longDate(app.declaredOn ?? ''),
            permitOpensOn: longDate(app.permitOpensOn ?? ''),
            provisional: !!app.permitOpensOnProvisional,
            dueOn: longDate(app.dueOn),
          },
        });
        this.go(STEP.done);
        return;
      }
      const { code, message, fields } = result.error;
      wx.showToast({ title: fields ? Object.values(fields)[0] : message, icon: 'none', duration: 3000 });
      if (code === 'VERIFICATION_FAILED') this.go(STEP.identity);
      else if (fields) this.go(Math.min(...Object.keys(fields).map(stepOfField)));
    },
    onDetail() {
      wx.redirectTo({ url: `/pages/application/index?id=${this.data.result.id}` });
    },
    onHome() {
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
