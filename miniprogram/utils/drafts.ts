// Drafts kept on the phone until submission, so a form never loses what a person typed.

function key(service: string): string {
  return `draft:${service}`;
}

export function loadDraft<T extends object>(service: string): Partial<T> | null {
  try {
    const value: unknown = wx.getStorageSync(key(service));
    return typeof value === 'object' && value !== null ? (value as Partial<T>) : null;
  } catch {
    return null;
  }
}

export function saveDraft<T extends object>(service: string, draft: T): void {
  try {
    wx.setStorageSync(key(service), draft);
  } catch {
    // Storage full or unavailable: the form keeps working; only the draft is not kept.
  }
}

export function clearDraft(service: string): void {
  try {
    wx.removeStorageSync(key(service));
  } catch {
    // nothing to clear
  }
}
