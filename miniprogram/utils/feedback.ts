// What pages and components say to the person outside the page: toasts, confirmations, prompts and a
// loading mask, through wx's own APIs in their Promise forms.

/** The colour of a confirm button whose action cannot be undone. */
const DANGER = '#ee0a24';

// A toast that cannot be shown changes nothing the person does next: it is dropped, never thrown.
function quietly(pending: Promise<unknown>): void {
  pending.catch(() => undefined);
}

/** A message in a toast, without an icon: room for two lines of text. */
export function toast(title: string, duration?: number): void {
  quietly(wx.showToast({ title, icon: 'none', ...(duration !== undefined ? { duration } : {}) }));
}

/** A short confirmation that something was done, with the tick. */
export function toastDone(title: string): void {
  quietly(wx.showToast({ title, icon: 'success' }));
}

export interface ConfirmOptions {
  title: string;
  content: string;
  confirmText?: string;
  /** The action cannot be undone: its button is red. */
  danger?: boolean;
}

/** Asks before an action; true when the person confirms. A dialog that cannot be shown confirms nothing. */
export async function confirm({ title, content, confirmText, danger }: ConfirmOptions): Promise<boolean> {
  try {
    const answer = await wx.showModal({ title, content, ...(confirmText ? { confirmText } : {}), ...(danger ? { confirmColor: DANGER } : {}) });
    return answer.confirm;
  } catch {
    return false;
  }
}

export interface PromptOptions {
  title: string;
  placeholder: string;
  confirmText: string;
}

/** Asks for a line of text before an action: what was typed (possibly ''), or null when cancelled. */
export async function prompt({ title, placeholder, confirmText }: PromptOptions): Promise<string | null> {
  try {
    const answer = await wx.showModal({ title, content: '', editable: true, placeholderText: placeholder, confirmText });
    return answer.confirm ? (answer.content ?? '') : null;
  } catch {
    return null;
  }
}
