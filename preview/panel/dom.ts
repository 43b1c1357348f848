// Building the development panel's elements: a tag with its properties and children, and a titled section.
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export function section(title: string, ...children: (Node | string)[]): HTMLElement {
  return el('section', { className: 'dev-panel__section' }, el('h2', { className: 'dev-panel__heading', textContent: title }), ...children);
}
