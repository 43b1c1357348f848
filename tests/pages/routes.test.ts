// The routes map against app.json: every named page is a page the app declares, and every declared page
// (subpackages too) has a name; navigation goes through wx's own APIs with the typed query.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES, backOr, navigate, redirect, relaunch, urlOf } from '../../miniprogram/utils/routes';
import { MINIPROGRAM_ROOT, resetWx, wxMock } from './harness';

interface AppJson {
  pages: string[];
  subpackages?: { root: string; pages: string[] }[];
}

const app = JSON.parse(readFileSync(join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;
const declared = [...app.pages, ...(app.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
const named = Object.values(ROUTES).map((r) => r.path);

beforeEach(() => resetWx());

it('names every page app.json declares, and only those', () => {
  expect([...named].sort()).toEqual([...declared].sort());
  expect(new Set(named).size).toBe(named.length);
});

it('builds each URL from the page’s path and its query', () => {
  expect(urlOf('home')).toBe('/pages/home/index');
  expect(urlOf('apply', { service: 'reissue' })).toBe('/pages/apply/index?service=reissue');
  expect(urlOf('staffReview', { id: 'a b&c' })).toBe('/staff/pages/review/index?id=a%20b%26c');
});

it('types each page’s query: `tsc -p tests/pages` fails if a page can be opened without what it reads', () => {
  // @ts-expect-error the flow page needs its service
  expect(urlOf('apply')).toBe('/pages/apply/index');
  // @ts-expect-error a service the app does not offer
  expect(urlOf('apply', { service: 'passport' })).toBe('/pages/apply/index?service=passport');
  // @ts-expect-error the home page takes no query
  expect(urlOf('home', { id: 'x' })).toBe('/pages/home/index?id=x');
});

it('navigates through wx in the Promise form, and goes back only when there is a page to go back to', async () => {
  expect(await navigate('application', { id: 'x1' })).toBe(true);
  await redirect('correct', { id: 'x1' });
  await relaunch('home');
  await backOr('application', { id: 'x1' });
  expect(wxMock.calls).toEqual([
    { api: 'navigateTo', url: '/pages/application/index?id=x1' },
    { api: 'redirectTo', url: '/pages/correct/index?id=x1' },
    { api: 'reLaunch', url: '/pages/home/index' },
    // Opened alone (no page below it), the way back is replaced by the named page.
    { api: 'redirectTo', url: '/pages/application/index?id=x1' },
  ]);
});

it('answers false when the platform refuses a navigation, instead of rejecting', async () => {
  const wxApi = wx as unknown as { navigateTo: unknown };
  const real = wxApi.navigateTo;
  wxApi.navigateTo = () => Promise.reject(new Error('navigateTo:fail webview count limit exceed'));
  try {
    expect(await navigate('applications')).toBe(false);
  } finally {
    wxApi.navigateTo = real;
  }
});
