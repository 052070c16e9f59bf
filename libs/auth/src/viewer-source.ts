import { AccessTokenClaims } from './token/access-token.service';
import { Viewer } from './viewer';

/**
 * Turns verified token claims into a `Viewer` from the source of truth. Implemented by the
 * identity domain; the auth guard finds it in the app at start-up (and refuses to start without).
 */
export abstract class ViewerSource {
  /** The viewer, or null when the session was revoked or the user no longer exists. */
  abstract resolve(claims: AccessTokenClaims): Promise<Viewer | null>;
}
