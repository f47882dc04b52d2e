// Tokens from the development issuer's current key: what npm start prints, what the demo and the
// tests sign in with. Only for the development issuer; a deployment's identity provider mints its own.
import { importJWK, SignJWT } from 'jose';
import { defaultAudience, type Role } from '@nhip/contracts';
import { ensureKeys, type SigningKey } from './keys.ts';

export interface TokenRequest {
  readonly sub: string;
  readonly role: Role;
  readonly unit?: string;
  /** The unit tree `unit` is a code of (the `unit_tree` claim), for a unit of a former tree. */
  readonly unitTree?: string;
  /** Seconds until it expires; negative for an already expired token. Default 8 hours. */
  readonly expiresIn?: number;
  readonly audience?: string;
}

export async function signToken(key: SigningKey, issuer: string, request: TokenRequest): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = request.expiresIn ?? 8 * 3600;
  const claims = {
    role: request.role,
    ...(request.unit === undefined ? {} : { unit: request.unit }),
    ...(request.unitTree === undefined ? {} : { unit_tree: request.unitTree }),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(request.audience ?? defaultAudience)
    .setSubject(request.sub)
    .setIssuedAt(Math.min(now, now + expiresIn - 60))
    .setExpirationTime(now + expiresIn)
    .sign(await importJWK(key.privateJwk, 'ES256'));
}

/** A token signed by the current key of the issuer whose keys are in `dir`. */
export async function mintToken(dir: string, issuer: string, request: TokenRequest): Promise<string> {
  const [current] = await ensureKeys(dir);
  if (!current) throw new Error(`no signing key in ${dir}`);
  return signToken(current, issuer, request);
}
