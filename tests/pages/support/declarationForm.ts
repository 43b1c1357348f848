// The declaration's self-check form filled as a resident would: pickers chosen, fields typed, in 岳麓区.
import type { LoadedPage } from '../harness';

const form = (selector: string) => `.step-form >>> ${selector}`;

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
