import type { AuthPayload, SessionUser } from './api/queries';

export interface Session {
  token: string;
  expiresAt: string;
  /** Good for one refreshSession, which rotates it. */
  refreshToken: string;
  user: SessionUser;
}

export function sessionOf(payload: AuthPayload): Session {
  return {
    token: payload.accessToken,
    expiresAt: payload.accessTokenExpiresAt,
    refreshToken: payload.refreshToken,
    user: payload.user,
  };
}

const KEY = 'creative-chain.dashboard.session';

/**
 * The session lives in this tab only (sessionStorage). An expired access token is renewed with
 * the refresh token on the first request that is refused.
 */
export function loadSession(): Session | undefined {
  const text = sessionStorage.getItem(KEY);
  return text ? (JSON.parse(text) as Session) : undefined;
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
export const isIncubator = (user: SessionUser) => user.roles.includes('INCUBATOR');
export const isAdmin = (user: SessionUser) => user.roles.includes('ADMIN');
