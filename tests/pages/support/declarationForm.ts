// The declaration flow's first steps as a resident walks them: the face check of the person typed, the
// notice agreed, and the self-check form filled (pickers chosen, fields typed, in 岳麓区).
import { waitFor, type LoadedPage } from '../harness';
import type { Backend } from './backend';

const form = (selector: string) => `.step-form >>> ${selector}`;

/** Types the person, ticks the consent and starts the face check; `outcome` is the development sheet's choice (0: passes). */
export async function passIdentity(page: LoadedPage, backend: Pick<Backend, 'actionSheetAnswers'>, person: { name: string; idNumber: string }, outcome = 0): Promise<void> {
  await page.type('.step-identity >>> .field-name', person.name);
  await page.type('.step-identity >>> .field-idNumber', person.idNumber);
  await page.tap('.step-identity >>> .consent-box');
  backend.actionSheetAnswers.push(outcome);
  await page.tap('.step-identity >>> .start');
}

/** Agrees to the declaration's notice once it shows; the page is then at its form. */
export async function agreeToDeclarationNotice(page: LoadedPage): Promise<void> {
  await waitFor(() => expect(page.text()).toContain('居住信息申报须知'));
  await page.tap('.step-notice >>> .agree-box');
  await page.tap('.step-notice >>> .agree');
  await waitFor(() => expect(page.data.step).toBe(2));
}

/** The kind of residence and the basis to choose; an organisation is typed when the basis names one. */
export interface FormChoices {
  kind: 'rent' | 'relative';
  basis: 'residence' | 'employment';
  organisation?: string;
}

export async function fillDeclarationForm(page: LoadedPage, { kind, basis, organisation }: FormChoices): Promise<void> {
  await page.emit(form('.picker-ethnicity'), 'confirm', { value: '汉族', index: 0 });
  await page.type(form('.field-mobile'), '13800138000');
  await page.type(form('.field-hukouAddress'), '湖南省衡阳市蒸湘区联合街道12号');
  await page.emit(form('.picker-district'), 'confirm', { value: '岳麓区', index: 2 });
  await page.type(form('.field-street'), '望月湖街道');
  await page.type(form('.field-address'), '望月湖小区3栋201');
  await page.emit(form('.picker-since'), 'confirm', new Date(2026, 4, 1).getTime());
  await page.emit(form('.field-kind'), 'change', kind);
  await page.emit(form('.field-basis'), 'change', basis);
  if (organisation) await page.type(form('.field-organisation'), organisation);
}
