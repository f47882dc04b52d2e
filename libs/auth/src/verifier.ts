// Bearer tokens checked against the issuer's published keys. The issuer is found by OIDC discovery
// (AUTH_ISSUER_URL + /.well-known/openid-configuration → issuer, jwks_uri), so a deployment points
// the services at its own identity provider by configuration alone.
import { createRemoteJWKSet, errors, jwksCache, jwtVerify, type JWKSCacheInput } from 'jose';
import { principalOf, type Principal } from './claims.ts';
import { invalidToken, issuerUnavailable, noToken } from './problems.ts';
import { VerifiedTokens, type KeySetStamp } from './verified-tokens.ts';

export interface VerifierOptions {
  /** Where the issuer publishes /.well-known/openid-configuration, e.g. http://127.0.0.1:3100. */
  readonly issuerUrl: string;
  /** The `aud` a token must carry to be accepted here. */
  readonly audience: string;
  /** How long after fetching the keys an unknown `kid` may fetch them again (jose's cooldown). */
  readonly refreshCooldownMs?: number;
  /** How many verified tokens are remembered until their `exp` (verified-tokens.ts); 0 for none. */
  readonly verifiedTokens?: number;
}

interface Discovered {
  readonly issuer: string;
  readonly keys: ReturnType<typeof createRemoteJWKSet>;
  /** Where jose records when it fetched the key set in use. */
  readonly fetched: JWKSCacheInput;
}

const stampOf = ({ keys, fetched }: Discovered): KeySetStamp => ({
  fetchedAt: 'uat' in fetched ? fetched.uat : undefined,
  fresh: keys.fresh,
});

// Only asymmetric algorithms: a shared-secret token could be minted by any service holding the secret.
const algorithms = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

export class TokenVerifier {
  readonly #options: VerifierOptions;
  #discovered: Promise<Discovered> | undefined;
  readonly #verified: VerifiedTokens;

  constructor(options: VerifierOptions) {
    this.#options = options;
    this.#verified = new VerifiedTokens(options.verifiedTokens ?? 1_000);
  }

  get audience(): string {
    return this.#options.audience;
  }

  /** The principal an Authorization header proves, or a 401 problem saying why not. */
  async verify(authorization: string | undefined): Promise<Principal> {
    const token = bearerOf(authorization);
    const discovered = await this.#discover();
    const before = stampOf(discovered);
    const known = this.#verified.get(token, before);
    if (known) return known;
    const { issuer, keys } = discovered;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience: this.#options.audience,
        algorithms,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw refusalOf(error);
    }
    const found = principalOf(payload);
    if (!found.ok) throw invalidToken(found.reason);
    // Only when no other request changed the key set meanwhile: the stamp names the set used.
    const after = stampOf(discovered);
    if (after.fetchedAt === before.fetchedAt) this.#verified.remember(token, found.principal, after);
    return found.principal;
  }

  #discover(): Promise<Discovered> {
    // A failed discovery is forgotten, so the next request tries again once the issuer is back.
    this.#discovered ??= discover(this.#options).catch((error: unknown) => {
      this.#discovered = undefined;
      throw issuerUnavailable((error as Error).message);
    });
    return this.#discovered;
  }
}

function bearerOf(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === '') throw invalidToken(noToken);
  const match = /^Bearer +([A-Za-z0-9\-_.~+/]+=*)$/i.exec(authorization.trim());
  if (!match?.[1]) throw invalidToken('the Authorization header is not "Bearer <token>"');
  return match[1];
}

async function discover(options: VerifierOptions): Promise<Discovered> {
  const url = new URL('.well-known/openid-configuration', withSlash(options.issuerUrl));
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`${url.href} answered ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (typeof document.issuer !== 'string' || typeof document.jwks_uri !== 'string')
    throw new Error(`${url.href} names no issuer and jwks_uri`);
  const fetched: JWKSCacheInput = {};
  const keys = createRemoteJWKSet(new URL(document.jwks_uri), {
    cooldownDuration: options.refreshCooldownMs ?? 30_000,
    [jwksCache]: fetched,
  });
  return { issuer: document.issuer, keys, fetched };
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);

// jose's failure → the sentence a client reads in the 401; first match wins.
const refusals: readonly [new (...args: never[]) => Error, (error: Error) => Error][] = [
  [errors.JWTExpired, () => invalidToken('the token has expired')],
  [
    errors.JWTClaimValidationFailed,
    (e) => {
      const { claim, reason } = e as InstanceType<typeof errors.JWTClaimValidationFailed>;
      return invalidToken(`claim ${claim} is not accepted here (${reason})`);
    },
  ],
  [errors.JWKSNoMatchingKey, () => invalidToken('the token is signed by a key the issuer does not publish')],
  [errors.JWSSignatureVerificationFailed, () => invalidToken('the signature does not match the token')],
  [errors.JWKSTimeout, (e) => issuerUnavailable(e.message)],
  [errors.JWKSInvalid, (e) => issuerUnavailable(e.message)],
  [errors.JOSEAlgNotAllowed, () => invalidToken('the signing algorithm is not accepted')],
];

/** A 401 saying why the token is refused, or a 503 when the issuer's keys cannot be fetched. */
function refusalOf(error: unknown): Error {
  if (!(error instanceof Error)) return invalidToken('the token is malformed');
  const known = refusals.find(([kind]) => error instanceof kind);
  if (known) return known[1](error);
  // fetch failing on the JWKS URL: the issuer is away, not the token wrong.
  if (error instanceof TypeError && error.message.includes('fetch')) return issuerUnavailable(error.message);
  return invalidToken('the token is malformed');
}
