// Every page of the mini-program by name, with the query it is opened with: the one place a page's path is spelled.
import type { ApplicationKind } from '../domain/contract';

/** A page's path as app.json lists it; `Query` exists only for the type checker, as the query the page reads in onLoad. */
export interface Route<Query extends Record<string, string> | void> {
  readonly path: string;
  readonly query?: Query;
}

function route<Query extends Record<string, string> | void = void>(path: string): Route<Query> {
  return { path };
}

/** Must list exactly app.json's pages and subpackage pages (a page test checks it). */
export const ROUTES = {
  home: route('pages/home/index'),
  /** `from`: the refused application 重新申请 starts from. */
  apply: route<{ service: ApplicationKind; from?: string }>('pages/apply/index'),
  applications: route('pages/applications/index'),
  application: route<{ id: string }>('pages/application/index'),
  correct: route<{ id: string }>('pages/correct/index'),
  selfCheck: route('pages/self-check/index'),
  guide: route('pages/guide/index'),
  staffQueue: route('staff/pages/queue/index'),
  /** `code`: a scanned pickup code, checked already: the page opens ready to hand the card over. */
  staffReview: route<{ id: string; code?: string }>('staff/pages/review/index'),
  staffPeople: route('staff/pages/people/index'),
};

export type PageName = keyof typeof ROUTES;
type QueryOf<N extends PageName> = (typeof ROUTES)[N] extends Route<infer Query> ? Query : never;
/** A page without a query is opened by its name alone; one with a query cannot be opened without it. */
type QueryArgs<N extends PageName> = QueryOf<N> extends Record<string, string> ? [query: QueryOf<N>] : [];

export function urlOf<N extends PageName>(name: N, ...[query]: QueryArgs<N>): string {
  const search = Object.entries((query ?? {}) as Record<string, string>)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `/${ROUTES[name].path}${search ? `?${search}` : ''}`;
}

// A navigation the platform refuses (a full page stack, a tap during a transition) leaves the person
// where they are: nothing to recover, so it answers false instead of rejecting.
function settled(pending: Promise<unknown>): Promise<boolean> {
  return pending.then(
    () => true,
    () => false,
  );
}

/** Opens the page on top of this one. */
export function navigate<N extends PageName>(name: N, ...query: QueryArgs<N>): Promise<boolean> {
  return settled(wx.navigateTo({ url: urlOf(name, ...query) }));
}

/** Replaces this page with another: the way back skips it. */
export function redirect<N extends PageName>(name: N, ...query: QueryArgs<N>): Promise<boolean> {
  return settled(wx.redirectTo({ url: urlOf(name, ...query) }));
}

/** Closes every page and opens this one alone. */
export function relaunch<N extends PageName>(name: N, ...query: QueryArgs<N>): Promise<boolean> {
  return settled(wx.reLaunch({ url: urlOf(name, ...query) }));
}

/** Back to the page this one was opened from. */
export function back(): Promise<boolean> {
  return settled(wx.navigateBack());
}

/** Back to the page this one was opened from, or, opened alone (from a notification, say), replaced by `name`. */
export function backOr<N extends PageName>(name: N, ...query: QueryArgs<N>): Promise<boolean> {
  return getCurrentPages().length > 1 ? back() : redirect(name, ...query);
}
