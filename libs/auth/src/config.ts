// Where the services find their issuer. Read at start-up with the rest of a service's
// configuration (no Nest here: migrate.ts loads config readers type-stripped).
import { defaultAudience } from '@nhip/contracts';
import { ConfigError } from '@nhip/service-http/config';

export interface AuthConfig {
  /** The OIDC issuer URL: its /.well-known/openid-configuration names the issuer and jwks_uri. */
  readonly issuerUrl: string;
  /** The audience a token must name to be accepted by the platform's services. */
  readonly audience: string;
}

export { defaultAudience };
/** Where @nhip/dev-issuer listens unless NHIP_ISSUER_PORT says otherwise. */
export const defaultIssuerPort = 3100;

/**
 * AUTH_ISSUER_URL and AUTH_AUDIENCE; without them, the development issuer npm start and the tests
 * run on 127.0.0.1:NHIP_ISSUER_PORT (3100). A deployment sets both to its identity provider's.
 */
export function authConfigFrom(env: NodeJS.ProcessEnv): AuthConfig {
  const issuerUrl =
    env['AUTH_ISSUER_URL'] ?? `http://127.0.0.1:${env['NHIP_ISSUER_PORT'] ?? String(defaultIssuerPort)}`;
  let parsed: URL;
  try {
    parsed = new URL(issuerUrl);
  } catch {
    throw new ConfigError(
      `AUTH_ISSUER_URL=${issuerUrl} is not a URL: set it to your issuer's address, e.g. https://id.example.vn/realms/nhip.`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new ConfigError(`AUTH_ISSUER_URL=${issuerUrl} must be an http(s) URL.`);
  const audience = env['AUTH_AUDIENCE'] ?? defaultAudience;
  if (audience.trim() === '')
    throw new ConfigError(
      'AUTH_AUDIENCE is empty: set it to the audience your issuer puts in tokens for Nhịp.',
    );
  return { issuerUrl, audience };
}
