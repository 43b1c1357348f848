// Step 2: the service's notice in full; agreeing is possible only after ticking the box, and the
// notice's version goes with the application as the record of what was agreed.
import type { ApplicationKind } from '../../domain/contract';
import { NOTICES, type Notice } from '../../domain/notices';

Component({
  // The shared classes of app.wxss (section titles, action rows) apply inside this step too.
  options: { addGlobalClass: true },
  properties: {
    service: { type: String, value: 'declaration' },
  },
  data: {
    notice: null as Notice | null,
    agreed: false,
  },
  lifetimes: {
    attached() {
      this.setData({ notice: NOTICES[this.properties.service as ApplicationKind] ?? null });
    },
  },
  methods: {
    onAgreed(event: VantEvent<boolean>) {
      this.setData({ agreed: event.detail });
    },
    onContinue() {
      if (!this.data.agreed || !this.data.notice) return;
      this.triggerEvent('agree', { noticeVersion: this.data.notice.version });
    },
  },
});
