// What the mini-program runtime offers the development panel beside the phone (window.__preview),
// so the panel never reaches into the runtime's modules.
export interface PreviewBridge {
  /** Closes every page and opens the app's first page (what a fresh launch shows). */
  relaunchHome(): void;
  /** Route and query of the page on top, e.g. "pages/apply/index?service=declaration". */
  currentPage(): string;
  /** Subscription-message templates the app asked for and the preview accepted. */
  subscriptions(): readonly string[];
}

export const BRIDGE_READY_EVENT = 'preview:ready';
export const PAGE_CHANGED_EVENT = 'preview:page';

export function bridge(): PreviewBridge | undefined {
  return (window as unknown as { __preview?: PreviewBridge }).__preview;
}

export function exposeBridge(value: PreviewBridge): void {
  (window as unknown as { __preview?: PreviewBridge }).__preview = value;
  window.dispatchEvent(new Event(BRIDGE_READY_EVENT));
}
