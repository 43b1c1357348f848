// An input's placeholder styled as WeChat styles it: by `placeholder-class` (classes of the component
// whose template holds the input, e.g. Vant's van-field__placeholder) and `placeholder-style`.
// A real ::placeholder cannot take a class, so a hidden probe carrying them is measured instead.

/**
 * The preview scopes a component's classes as "<tag>--<class>" (as miniprogram-simulate does); the
 * owner is the ancestor whose tag prefixes the input's own classes.
 */
function scopeOf(host: HTMLElement): string {
  const own = host.className;
  for (let at = host.parentElement; at; at = at.parentElement) {
    const tag = at.tagName.toLowerCase();
    if (own.includes(`${tag}--`)) return tag;
  }
  return '';
}

/** What each control's placeholder was last styled from: typing re-syncs a control, and needs no new measure. */
const styledFrom = new WeakMap<HTMLElement, string>();

export function stylePlaceholder(host: HTMLElement, control: HTMLElement, placeholderClass: string, placeholderStyle: string): void {
  const from = `${placeholderClass}\n${placeholderStyle}`;
  if (styledFrom.get(control) === from) return;
  // Measured only once in the page: before that, the scope and the page's styles are not there yet.
  if (host.isConnected) styledFrom.set(control, from);
  if (!placeholderClass.trim() && !placeholderStyle.trim()) {
    control.style.removeProperty('--wx-placeholder-color');
    return;
  }
  const scope = scopeOf(host);
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.className = placeholderClass
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => (scope ? `${scope}--${name}` : name))
    .join(' ');
  probe.style.cssText = placeholderStyle;
  host.appendChild(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  control.style.setProperty('--wx-placeholder-color', color);
}
