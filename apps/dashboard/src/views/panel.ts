import { h } from '../dom';

export interface Panel {
  element: HTMLElement;
  body: HTMLElement;
  /** Polite live region for "loading" and errors. */
  status(text: string, kind?: 'info' | 'error'): void;
  setActions(...actions: HTMLElement[]): void;
}

let panelCount = 0;

/** A labelled section with a heading, a status line, an action bar and a body. */
export function panel(title: string, className = ''): Panel {
  const id = `panel-${++panelCount}`;
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const actions = h('div', { class: 'actions' });
  const body = h('div', { class: 'body' });
  const element = h(
    'section',
    { class: `panel ${className}`, 'aria-labelledby': id },
    h('header', {}, h('h2', { id }, title), actions),
    status,
    body,
  );
  return {
    element,
    body,
    status(text, kind = 'info') {
      status.textContent = text;
      status.className = `status ${kind}`;
      status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    },
    setActions(...buttons) {
      actions.replaceChildren(...buttons);
    },
  };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
