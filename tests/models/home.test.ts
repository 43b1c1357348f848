// The home page's model: its standing, next step, service entries and guide, from typed overviews alone.
import { BASES, RESIDENCE_KINDS } from '../../miniprogram/domain/contract';
import { DISTRICTS } from '../../miniprogram/domain/districts';
import { BASIS_LABELS, KIND_LABELS, PROVISIONAL_NOTE, RESIDENCE_KIND_LABELS } from '../../miniprogram/domain/labels';
import { MAX_PROOFS, PROOF_HINTS } from '../../miniprogram/domain/materials';
import { FEE_WARNING } from '../../miniprogram/domain/notices';
import { CITY_HALL, IN_PERSON } from '../../miniprogram/domain/pickupPlaces';
import { HOME_GUIDE, MOVED_NOTE, endorsementReminderOf, homeModel, permitReminderOf, validityOf } from '../../miniprogram/pages/home/model';
import { NEEDS_CARD, NEEDS_CARD_FOR_ENDORSEMENT, NEEDS_DECLARATION, card, closed, declarationStanding, open, overview } from './support';

const APPROVED = 'decl-1';

describe('a newcomer', () => {
  const model = homeModel(overview());

  it('has no standing: nothing declared and no card', () => {
    expect(model.standing).toMatchObject({ declared: false, statusLabel: '', showPermitDate: false, permitOpensOn: '', daysLeft: '', permitLabel: '未持有' });
  });

  it('is told to declare first', () => {
    expect(model.nextStep).toBe('第一步：申报居住信息。申报经审核通过后，满六个月即可申领居住证。');
  });

  it('sees the five services in order, only the declaration open, each closed one saying why', () => {
    expect(model.services.map((s) => s.service)).toEqual(['declaration', 'permit', 'voucher', 'reissue', 'endorsement']);
    expect(model.services.map((s) => s.title)).toEqual([KIND_LABELS.declaration, KIND_LABELS.permit, KIND_LABELS.voucher, KIND_LABELS.reissue, KIND_LABELS.endorsement]);
    expect(model.services.map((s) => s.open)).toEqual([true, false, false, false, false]);
    expect(model.services.map((s) => s.tag)).toEqual(['可办理', '暂不可办', '暂不可办', '暂不可办', '暂不可办']);
    expect(model.services.map((s) => s.note)).toEqual(['', NEEDS_DECLARATION, NEEDS_DECLARATION, NEEDS_CARD, NEEDS_CARD_FOR_ENDORSEMENT]);
  });

  it('does not see the staff console unless the server says they are staff', () => {
    expect(model.isStaff).toBe(false);
    expect(homeModel(overview({ isStaff: false })).isStaff).toBe(false);
    expect(homeModel(overview({ isStaff: true })).isStaff).toBe(true);
  });
});

describe('a service entry', () => {
  const permitEntry = (state: ReturnType<typeof open>) => homeModel(overview({ services: { permit: state } })).services[1];

  it('names the card fee when applying costs something, and says nothing of a fee when it is free', () => {
    expect(permitEntry(open(20)).note).toBe('证件工本费 20 元');
    expect(permitEntry(open(0)).note).toBe('');
  });

  it('does not repeat the tag in an open entry’s note, and reads its row as title, tag and note', () => {
    for (const fee of [0, 20]) expect(permitEntry(open(fee)).note).not.toContain('可以办理');
    expect(permitEntry(open(0)).ariaLabel).toBe('核发居住证，可办理');
    expect(permitEntry(open(20)).ariaLabel).toBe('核发居住证，可办理，证件工本费 20 元');
    expect(permitEntry(closed('还需 181 天', '2027-02-28')).ariaLabel).toBe('核发居住证，暂不可办，还需 181 天；2027年2月28日起可办理');
  });

  it('gives a closed service its reason and the long date it opens, joined', () => {
    expect(permitEntry(closed('还需 181 天', '2027-02-28')).note).toBe('还需 181 天；2027年2月28日起可办理');
  });

  it('says only the date when the server gives no reason, and only the reason when it gives no date', () => {
    expect(permitEntry(closed(undefined, '2027-02-28')).note).toBe('2027年2月28日起可办理');
    expect(permitEntry(closed('暂不能办理')).note).toBe('暂不能办理');
  });

  it('does not quote a fee for a service that is closed', () => {
    const entry = permitEntry(closed('领取居住证后可办理补领或换领', undefined, 20));
    expect(entry.note).not.toContain('元');
    expect(entry).toMatchObject({ open: false, tag: '暂不可办' });
  });
});

describe('a pending first declaration', () => {
  const model = homeModel(overview({ declaration: declarationStanding() }));

  it('shows its dates in long form, the permit date said to be provisional, and the days left', () => {
    expect(model.standing).toMatchObject({
      declared: true,
      statusLabel: '审核中',
      declaredOn: '2026年8月31日',
      showPermitDate: true,
      permitOpensOn: '2027年2月28日',
      permitNote: PROVISIONAL_NOTE,
      daysLeft: '181 天',
      permitLabel: '未持有',
    });
  });

  it('counts the last day before the six months as one day left', () => {
    expect(homeModel(overview({ declaration: declarationStanding({ daysUntilPermit: 1 }) })).standing.daysLeft).toBe('1 天');
  });

  it('says it is being reviewed', () => {
    expect(model.nextStep).toBe('您的居住信息申报正在审核中，审核结果会通过服务通知告诉您。');
  });
});

describe('an approved declaration', () => {
  const approved = declarationStanding({ status: 'approved', permitOpensOnProvisional: false });

  it('drops the provisional note', () => {
    const model = homeModel(overview({ declaration: approved, approvedDeclarationId: APPROVED }));
    expect(model.standing.permitNote).toBe('');
    expect(model.standing.statusLabel).toBe('已通过');
  });

  it('counts down to the permit, offering the voucher meanwhile', () => {
    const model = homeModel(overview({ declaration: approved, approvedDeclarationId: APPROVED, services: { voucher: open() } }));
    expect(model.nextStep).toBe('还需 181 天即可申领居住证；在此之前如需证明居住情况，可申领居住登记凭证。');
    expect(model.services[2].open).toBe(true);
  });

  it('reads 已满六个月 on the day the six months are reached, and invites the permit', () => {
    const model = homeModel(overview({ declaration: { ...approved, daysUntilPermit: 0 }, approvedDeclarationId: APPROVED, services: { permit: open(), voucher: open() } }));
    expect(model.standing.daysLeft).toBe('已满六个月');
    expect(model.nextStep).toBe('您已居住满六个月，现在可以申领居住证。');
    expect(model.services[1]).toMatchObject({ open: true, tag: '可办理', note: '' });
  });

  it('tells a person who moved that the declaration entry is theirs, and that what they filled in comes along', () => {
    const declared = homeModel(overview({ declaration: approved, approvedDeclarationId: APPROVED }));
    expect(declared.services[0]).toMatchObject({ service: 'declaration', open: true, note: MOVED_NOTE });
    expect(homeModel(overview()).services[0]).toMatchObject({ service: 'declaration', open: true, note: '' });
  });

  it('invites the permit even beside a refused permit application', () => {
    const model = homeModel(
      overview({ declaration: { ...approved, daysUntilPermit: 0 }, approvedDeclarationId: APPROVED, card: card({ status: 'rejected' }), services: { permit: open() } }),
    );
    expect(model.nextStep).toBe('您已居住满六个月，现在可以申领居住证。');
    expect(model.standing.permitLabel).toBe('未通过');
  });
});

describe('a newer declaration', () => {
  it('sent back for correction asks for the correction, even when an older one was approved', () => {
    for (const approvedDeclarationId of [null, APPROVED]) {
      const model = homeModel(overview({ declaration: declarationStanding({ status: 'correction_requested' }), approvedDeclarationId }));
      expect(model.nextStep).toBe('您的申报需要补正材料，请到“我的办件”查看需补正的事项并重新提交。');
      expect(model.standing.statusLabel).toBe('待补正');
    }
  });

  it('that is refused, with none approved before, shows no permit date and asks to declare again', () => {
    const model = homeModel(overview({ declaration: declarationStanding({ status: 'rejected' }) }));
    expect(model.standing.showPermitDate).toBe(false);
    expect(model.standing.statusLabel).toBe('未通过');
    expect(model.nextStep.startsWith('第一步')).toBe(true);
  });

  it('that is refused beside an approved one keeps the approved one’s count', () => {
    const model = homeModel(
      overview({
        declaration: declarationStanding({ status: 'rejected', declaredOn: '2027-02-28', permitOpensOn: '2027-08-28', permitOpensOnProvisional: false }),
        approvedDeclarationId: APPROVED,
        services: { voucher: open() },
      }),
    );
    expect(model.standing.showPermitDate).toBe(true);
    expect(model.standing.permitOpensOn).toBe('2027年8月28日');
    expect(model.nextStep).toBe('还需 181 天即可申领居住证；在此之前如需证明居住情况，可申领居住登记凭证。');
  });
});

describe('a card', () => {
  const withCard = (summary: ReturnType<typeof card>) =>
    homeModel(
      overview({
        declaration: declarationStanding({ status: 'approved', permitOpensOnProvisional: false, daysUntilPermit: 0 }),
        approvedDeclarationId: APPROVED,
        card: summary,
        services: { permit: closed('您已持有居住证，如需补领或换领请选择“居住证补领/换领”'), reissue: open(20) },
      }),
    );

  it('held is read by its status, and the next step names it', () => {
    const model = withCard(card({ status: 'collected' }));
    expect(model.standing.permitLabel).toBe('已领取');
    expect(model.nextStep).toBe('您的居住证：已领取。');
    expect(model.services[3].note).toBe('证件工本费 20 元');
  });

  it('being replaced reads as a replacement in its status', () => {
    const model = withCard(card({ kind: 'reissue', status: 'pending' }));
    expect(model.standing.permitLabel).toBe('补领/换领审核中');
    expect(model.nextStep).toBe('您的居住证：补领/换领审核中。');
  });

  it('reported lost reads 已挂失 and points to the replacement', () => {
    const model = withCard(card({ status: 'collected', reportedLostOn: '2027-04-01' }));
    expect(model.standing.permitLabel).toBe('已挂失');
    expect(model.nextStep).toBe('您的居住证已登记挂失，可以办理遗失补领。');
  });

  it('reported lost reads 已挂失 from the moment its replacement is submitted, while that replacement is under review', () => {
    // The overview then names the replacement as the card, with the day the old one was reported lost.
    const lostReplaced = (status: 'pending' | 'correction_requested') =>
      homeModel(
        overview({
          declaration: declarationStanding({ status: 'approved', permitOpensOnProvisional: false, daysUntilPermit: 0 }),
          approvedDeclarationId: APPROVED,
          card: card({ kind: 'reissue', status, issuedOn: undefined, replacesLostOn: '2027-04-01' }),
          services: { reissue: closed('您已有一件补领/换领正在办理'), endorse: closed('居住证已挂失，补领后可办理签注') },
        }),
      );
    expect(lostReplaced('pending').standing.permitLabel).toBe('已挂失，补领审核中');
    expect(lostReplaced('pending').nextStep).toBe('您的居住证：已挂失，补领审核中。');
    expect(lostReplaced('correction_requested').standing.permitLabel).toBe('已挂失，补领待补正');
  });

  it('being renewed (not lost) is not 已挂失', () => {
    const model = homeModel(
      overview({
        approvedDeclarationId: APPROVED,
        card: card({ kind: 'reissue', status: 'pending' }),
        services: { endorse: closed('签注期为每个发证周年日前一个月内，还需 300 天', '2028-02-01') },
      }),
    );
    expect(model.standing.permitLabel).toBe('补领/换领审核中');
  });

  it('reported lost is not 已挂失 before it was ever collected', () => {
    const model = withCard(card({ status: 'ready', reportedLostOn: '2027-04-01' }));
    expect(model.standing.permitLabel).toBe('待领取');
    expect(model.nextStep).toBe('您的居住证：待领取。');
  });
});

describe('the guide', () => {
  it('leads with the fee warning', () => {
    expect(HOME_GUIDE.feeWarning).toBe(FEE_WARNING);
  });

  it('numbers the conditions and names every basis', () => {
    expect(HOME_GUIDE.conditions.map((line) => line.slice(0, 3))).toEqual(['1. ', '2. ']);
    const text = HOME_GUIDE.conditions.join('\n');
    for (const basis of BASES) expect(text).toContain(BASIS_LABELS[basis]);
  });

  it('lists each kind of residence’s proof, the statement only relatives’ and other homes need, and the count', () => {
    for (const line of HOME_GUIDE.materials) expect(line.startsWith('· ')).toBe(true);
    for (const kind of RESIDENCE_KINDS) expect(HOME_GUIDE.materials).toContain(`· ${RESIDENCE_KIND_LABELS[kind]}：${PROOF_HINTS[kind]}。`);
    const statement = HOME_GUIDE.materials.find((line) => line.includes('另附'));
    expect(statement).toBe(`· ${RESIDENCE_KIND_LABELS.relative}、${RESIDENCE_KIND_LABELS.other}：另附与承租人或房主关系的书面说明（关系说明）。`);
    expect(HOME_GUIDE.materials.at(-1)).toContain(`每次最多 ${MAX_PROOFS} 张`);
  });

  it('sends the urban districts to the city hall and the counties to their police station, each district once', () => {
    expect(HOME_GUIDE.pickup).toHaveLength(1);
    const [line] = HOME_GUIDE.pickup;
    expect(line.startsWith(`${IN_PERSON}。`)).toBe(true);
    expect(line).toContain(`芙蓉区、天心区、岳麓区、开福区、雨花区：${CITY_HALL.name}（${CITY_HALL.address}）`);
    expect(line).toContain('望城区、长沙县、浏阳市、宁乡市：居住地派出所（可拨打 12345 或询问所在社区居委会，查询您居住地址所属的派出所）');
    const named = line
      .slice(`${IN_PERSON}。`.length, -1)
      .split('；')
      .flatMap((group) => group.slice(0, group.indexOf('：')).split('、'));
    expect([...named].sort()).toEqual(DISTRICTS.map((d) => d.name).sort());
  });
});

describe('a held card’s yearly endorsement', () => {
  const held = (endorsement: NonNullable<ReturnType<typeof card>['endorsement']>, over: Partial<ReturnType<typeof card>> = {}) =>
    card({ status: 'collected', issuedOn: '2027-03-31', validUntil: '2028-03-30', yearsOfResidence: 0, endorsement, ...over });

  it('shows nothing before a card is collected', () => {
    expect(validityOf(card({ status: 'ready' }), '2027-04-01')).toBeNull();
    expect(validityOf(null, '2027-04-01')).toBeNull();
  });

  it('before the window: valid until, the years, and the days until it opens', () => {
    expect(validityOf(held({ status: 'not_due', opensOn: '2028-02-29', closesOn: '2028-03-30' }), '2027-04-01')).toEqual({
      validUntil: '2028年3月30日',
      lapsed: false,
      lapseNote: '',
      years: '0 年',
      windowTitle: '下次签注',
      window: '2028年2月29日至3月30日',
      windowNote: '334 天后开始',
    });
  });

  it('in the window: the days left, the last day included, and a next step that names the last day', () => {
    const endorsement = { status: 'window_open', opensOn: '2028-02-29', closesOn: '2028-03-30' } as const;
    expect(validityOf(held(endorsement), '2028-03-30')).toMatchObject({ windowTitle: '本次签注', windowNote: '还剩 1 天' });
    expect(validityOf(held(endorsement), '2028-02-29')?.windowNote).toBe('还剩 31 天');
    const model = homeModel(overview({ approvedDeclarationId: APPROVED, card: held(endorsement), today: '2028-03-01' }));
    expect(model.nextStep).toBe('您的居住证已进入签注期，最后一天为2028年3月30日，请及时办理签注。');
    expect(model.standing.validity?.window).toBe('2028年2月29日至3月30日');
  });

  it('pending: says the endorsement is under review', () => {
    expect(validityOf(held({ status: 'pending', opensOn: '2028-02-29', closesOn: '2028-03-30' }), '2028-03-10')?.windowNote).toBe('审核中');
  });

  it('lapsed: said plainly, in words, with the years starting again', () => {
    const lapsed = held({ status: 'lapsed', opensOn: '2028-03-31', closesOn: null }, { yearsOfResidence: 0 });
    expect(validityOf(lapsed, '2028-04-02')).toMatchObject({
      lapsed: true,
      lapseNote: '未按时签注，居住证自2028年3月31日起暂停使用；办理签注后恢复，连续居住年限重新计算',
      windowNote: '现在可以办理',
    });
    const model = homeModel(overview({ approvedDeclarationId: APPROVED, card: lapsed, today: '2028-04-02' }));
    expect(model.nextStep).toBe('您的居住证已过签注期，已暂停使用：请尽快办理签注，办理后恢复使用，连续居住年限重新计算。');
  });

  it('names both years of a window across the new year', () => {
    expect(validityOf(held({ status: 'not_due', opensOn: '2027-12-15', closesOn: '2028-01-14' }), '2027-04-01')?.window).toBe('2027年12月15日至2028年1月14日');
  });

  it('counts the years kept', () => {
    expect(validityOf(held({ status: 'not_due', opensOn: '2030-02-28', closesOn: '2030-03-30' }, { yearsOfResidence: 2 }), '2029-04-01')?.years).toBe('2 年');
  });
});

describe('the reminder that the permit opens', () => {
  const approved = declarationStanding({ status: 'approved', permitOpensOnProvisional: false });

  it('is offered while an approved declaration waits for its six months, naming the day', () => {
    expect(permitReminderOf(overview({ declaration: approved, approvedDeclarationId: 'decl-1' }))).toBe('2027年2月28日可申领时提醒我');
    expect(homeModel(overview({ declaration: approved, approvedDeclarationId: 'decl-1' })).reminder).toEqual({ text: '2027年2月28日可申领时提醒我', events: ['permit_open'] });
  });

  it('is not offered before a declaration is approved, once the permit is open, or beside a permit applied for or held', () => {
    expect(permitReminderOf(overview())).toBe('');
    expect(permitReminderOf(overview({ declaration: declarationStanding() }))).toBe('');
    expect(permitReminderOf(overview({ declaration: approved, approvedDeclarationId: 'decl-1', services: { permit: open() } }))).toBe('');
    expect(permitReminderOf(overview({ declaration: approved, approvedDeclarationId: 'decl-1', permit: card({ status: 'pending' }) }))).toBe('');
  });
});

describe('the endorsement’s reminders', () => {
  const holder = (endorsement: NonNullable<ReturnType<typeof card>['endorsement']>, over: Partial<ReturnType<typeof card>> = {}) =>
    overview({ approvedDeclarationId: APPROVED, card: card({ status: 'collected', validUntil: '2028-03-30', yearsOfResidence: 0, endorsement, ...over }) });

  it('before the window: the window, the closing and the lapse, in one prompt', () => {
    expect(endorsementReminderOf(holder({ status: 'not_due', opensOn: '2028-02-29', closesOn: '2028-03-30' }))).toEqual({
      text: '2028年2月29日签注期开始时提醒我',
      events: ['endorsement_window_open', 'endorsement_closing', 'endorsement_lapsed'],
    });
  });

  it('in the window: what is still to come', () => {
    expect(endorsementReminderOf(holder({ status: 'window_open', opensOn: '2028-02-29', closesOn: '2028-03-30' }))?.events).toEqual(['endorsement_closing', 'endorsement_lapsed']);
  });

  it('nothing while an endorsement is under review, after a lapse, or for a card reported lost', () => {
    expect(endorsementReminderOf(holder({ status: 'pending', opensOn: '2028-02-29', closesOn: '2028-03-30' }))).toBeNull();
    expect(endorsementReminderOf(holder({ status: 'lapsed', opensOn: '2028-03-31', closesOn: null }))).toBeNull();
    expect(endorsementReminderOf(holder({ status: 'not_due', opensOn: '2028-02-29', closesOn: '2028-03-30' }, { reportedLostOn: '2027-05-01' }))).toBeNull();
  });
});
