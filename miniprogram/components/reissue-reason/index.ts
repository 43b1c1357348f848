// Before the steps of a replacement or renewal: the reason, which decides the materials, and the card
// fee the city has set, shown before anything else is asked.
import { REISSUE_REASONS, type ReissueReason } from '../../domain/contract';
import { FEE_PAYMENT_NOTE, REISSUE_REASON_LABELS } from '../../domain/labels';
import { requiredMaterials } from '../../domain/materials';
import { feeText } from '../../utils/format';

const HINTS: Readonly<Record<ReissueReason, string>> = {
  lost: '居住证丢失或被盗。提交后原证登记为已挂失，不能再使用。',
  damaged: '居住证破损、污损，无法辨认。',
  expired: '居住证有效期已满。',
  changed: '居住证上的信息有变化。居住地址变了的，请先重新申报居住信息。',
};

const LOST_ONLY = '原证已登记挂失，只能办理遗失补领。';

// The residence kind only decides a declaration's proofs; a reissue's materials follow its reason.
// A card already reported lost can only be replaced: the other reasons are shown but cannot be chosen.
function optionsFor(cardLost: boolean) {
  return REISSUE_REASONS.map((value) => {
    const disabled = cardLost && value !== 'lost';
    return {
      value,
      label: REISSUE_REASON_LABELS[value],
      hint: disabled ? LOST_ONLY : HINTS[value],
      materials: requiredMaterials('reissue', 'rent', value)
        .map((m) => m.label)
        .join('、'),
      disabled,
    };
  });
}

Component({
  options: { addGlobalClass: true },
  properties: {
    /** The card fee in yuan, from the server's configuration. */
    fee: { type: Number, value: 0 },
    reason: { type: String, value: '' },
    /** The card held is reported lost (the overview's card.reportedLostOn). */
    cardLost: { type: Boolean, value: false },
  },
  data: {
    options: optionsFor(false),
    chosen: '',
    feeLabel: '',
    feeNote: `由物价部门核定；${FEE_PAYMENT_NOTE}`,
    missing: false,
  },
  lifetimes: {
    attached() {
      // Read once: a re-render of the page passes the same reason again and must not undo a new choice.
      this.setData({ chosen: this.properties.reason, feeLabel: feeText(this.properties.fee) });
      this.followCard(this.properties.cardLost);
    },
  },
  observers: {
    fee(fee: number) {
      this.setData({ feeLabel: feeText(fee) });
    },
    cardLost(cardLost: boolean) {
      this.followCard(cardLost);
    },
  },
  methods: {
    followCard(cardLost: boolean) {
      this.setData({ options: optionsFor(cardLost), ...(cardLost ? { chosen: 'lost' } : {}) });
    },
    onChange(event: VantEvent<string>) {
      this.setData({ chosen: event.detail, missing: false });
    },
    onNext() {
      if (!this.data.chosen) {
        this.setData({ missing: true });
        return;
      }
      this.triggerEvent('choose', { reason: this.data.chosen });
    },
  },
});
