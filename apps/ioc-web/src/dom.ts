// A few lines instead of a framework: elements from a tag, attributes and children.
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

export function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element;
}

/** Marks elements changed by the stream for a moment (the CSS fades the highlight). */
export function flash(elements: Iterable<Element>): void {
  for (const element of elements) {
    element.classList.remove('changed');
    // Reading the layout restarts the animation when the same element changes again.
    element.getBoundingClientRect();
    element.classList.add('changed');
    setTimeout(() => element.classList.remove('changed'), 2500);
  }
}
