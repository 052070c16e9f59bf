type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

/** A tiny element builder: attributes (on* become listeners), then children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** "English · 中文": every label carries both languages. */
export function bi(en: string, zh: string): string {
  return `${en} · ${zh}`;
}

export function fixed(value: number | null | undefined, digits = 4): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : value.toFixed(digits);
}

/** Offers text as a file download. */
export function download(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM so that spreadsheet programs read the Chinese level names as UTF-8.
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type }));
  const link = h('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const NUMBER = /^[-+]?\d[\d.,]*$/;

/** A table with a caption, header cells scoped to their columns. */
export function table(
  caption: string,
  header: string[],
  rows: (Child | Child[])[][],
): HTMLTableElement {
  return h(
    'table',
    {},
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        header.map((text) => h('th', { scope: 'col' }, text)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          row.map((value, i) =>
            i === 0
              ? h('th', { scope: 'row' }, value)
              : h('td', { class: NUMBER.test(String(value)) ? 'num' : undefined }, value),
          ),
        ),
      ),
    ),
  );
}
