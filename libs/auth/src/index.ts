export { AccessDeclarations, RootOperation } from './access/access-declarations';
export { AccessRule, accessRuleOf, Authenticated, Public, Roles } from './access/access.decorators';
export { AccessGuard, forgetViewer } from './access/access.guard';
export { bearerTokenOf, CredentialSource } from './access/bearer-token';
export { ClientIpResolver, clientIpFrom, normalizeIp, trustCheckFor } from './access/client-ip';
export { CurrentViewer } from './access/current-viewer.decorator';
export { SocketAuthenticator, SocketIdentity } from './access/socket-authenticator';
export { AuthErrorCode, AuthException } from './auth.exception';
export { AuthModule } from './auth.module';
export { GovernmentDepartment } from './government-department.enum';
export { OrganizationRole } from './organization-role.enum';
export { AccessPolicy, AdminOption } from './policy/access-policy.service';
export { MembershipDirectory } from './policy/membership-directory';
export { RateLimit, rateLimitOf } from './rate-limit/rate-limit.decorator';
export { rateLimitHits } from './rate-limit/rate-limit-hits';
export { RateLimitHit, RateLimiter } from './rate-limit/rate-limiter.service';
export { Role, SELF_SERVICE_ROLES } from './role.enum';
export {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  AccessTokenClaims,
  AccessTokenService,
  IssuedAccessToken,
} from './token/access-token.service';
export { OfficialScope, Viewer } from './viewer';
export { ViewerSource } from './viewer-source';
