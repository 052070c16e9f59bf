import type { SessionUser } from './api/queries';

export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const KEY = 'creative-chain.dashboard.session';

/** The session lives in this tab only (sessionStorage), and is dropped once the token expires. */
export function loadSession(): Session | undefined {
  const text = sessionStorage.getItem(KEY);
  if (!text) return undefined;
  const session = JSON.parse(text) as Session;
  if (Date.parse(session.expiresAt) <= Date.now()) {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
  return session;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

export const isOfficialViewer = (user: SessionUser) =>
  user.roles.includes('OFFICIAL') || user.roles.includes('ADMIN');
export const isTalent = (user: SessionUser) => user.roles.includes('TALENT');
export const isAdmin = (user: SessionUser) => user.roles.includes('ADMIN');
