import './style.css';
import { GraphqlClient } from './api/client';
import { REFRESH_SESSION, type RefreshSessionResult } from './api/queries';
import { bi, h } from './dom';
import {
  clearSession,
  isAdmin,
  isIncubator,
  isOfficialViewer,
  isTalent,
  loadSession,
  saveSession,
  sessionOf,
  type Session,
} from './session';
import { renderLogin } from './views/login-view';
import { renderIncubatorView } from './views/incubator-view';
import { renderOfficialView } from './views/official-view';
import { errorText } from './views/panel';
import { renderTalentView } from './views/talent-view';

const root = document.querySelector<HTMLElement>('#app')!;
const nav = document.querySelector<HTMLElement>('#nav')!;
const api = new GraphqlClient('/graphql', undefined, renewSession);
let renewing: Promise<string | undefined> | undefined;

/**
 * One refreshSession at a time: panels refused together share it (replaying a used refresh
 * token would end the whole session). No renewal signs out.
 */
function renewSession(): Promise<string | undefined> {
  renewing ??= (async () => {
    const session = loadSession();
    if (!session) return undefined;
    try {
      const { refreshSession } = await new GraphqlClient('/graphql').request<RefreshSessionResult>(
        REFRESH_SESSION,
        { refreshToken: session.refreshToken },
      );
      saveSession(sessionOf(refreshSession));
      return refreshSession.accessToken;
    } catch {
      signOut();
      return undefined;
    }
  })().finally(() => (renewing = undefined));
  return renewing;
}

type ViewName = 'official' | 'incubator' | 'impact';

function signOut(): void {
  clearSession();
  api.setToken(undefined);
  nav.replaceChildren();
  renderLogin(root, api, start);
}

/** Hands the access token to the queue board as an HttpOnly cookie, then opens it. */
async function openQueueBoard(): Promise<void> {
  const token = loadSession()?.token;
  const response = await fetch('/admin/queues/session', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.ok) window.location.assign('/admin/queues');
}

function views(session: Session): ViewName[] {
  return [
    ...(isOfficialViewer(session.user) ? (['official'] as const) : []),
    ...(isIncubator(session.user) ? (['incubator'] as const) : []),
    ...(isTalent(session.user) ? (['impact'] as const) : []),
  ];
}

function show(session: Session): void {
  const available = views(session);
  const wanted = window.location.hash.replace('#', '') as ViewName;
  const current = available.includes(wanted) ? wanted : available[0];
  const labels: Record<ViewName, string> = {
    official: bi('City coupling', '城市耦合协调'),
    incubator: bi('Portfolio', '在孵项目'),
    impact: bi('My impact', '我的贡献'),
  };
  nav.replaceChildren(
    ...available.map((name) =>
      h(
        'a',
        { href: `#${name}`, 'aria-current': name === current ? 'page' : undefined },
        labels[name],
      ),
    ),
    ...(isAdmin(session.user)
      ? [
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => void openQueueBoard() },
            bi('Queue board', '队列看板'),
          ),
        ]
      : []),
    h('span', { class: 'who' }, session.user.displayName),
    h('button', { type: 'button', onclick: signOut }, bi('Sign out', '退出')),
  );
  if (!current) {
    root.replaceChildren(
      h('p', { class: 'status' }, bi('Nothing to show for your roles', '您的角色暂无可显示内容')),
    );
    return;
  }
  const render =
    current === 'official'
      ? renderOfficialView(root, api, session.user)
      : current === 'incubator'
        ? renderIncubatorView(root, api)
        : renderTalentView(root, api);
  render.catch((error) =>
    root.replaceChildren(h('p', { role: 'alert', class: 'status error' }, errorText(error))),
  );
}

function start(session: Session): void {
  saveSession(session);
  api.setToken(session.token);
  show(session);
}

window.addEventListener('hashchange', () => {
  const session = loadSession();
  if (session) show(session);
});

const existing = loadSession();
if (existing) start(existing);
else renderLogin(root, api, start);
