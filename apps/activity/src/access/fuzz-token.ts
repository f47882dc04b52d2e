// Tokens of random claims for the walk's property: well signed by the development issuer, or
// forged with a key of its own.
import { newSigningKey, signToken } from '@nhip/dev-issuer';
import { tokenFor } from '@nhip/testing';

export interface FuzzClaims {
  readonly role: string;
  readonly unit: string | undefined;
  readonly expiresIn: number;
  readonly audience: string;
  readonly forge: boolean;
}

export function fuzzToken(claims: FuzzClaims): Promise<string> {
  const request = {
    sub: 'fuzz',
    role: claims.role as 'admin',
    ...(claims.unit === undefined ? {} : { unit: claims.unit }),
    expiresIn: claims.expiresIn,
    audience: claims.audience,
  };
  return claims.forge
    ? newSigningKey().then((key) => signToken(key, process.env['AUTH_ISSUER_URL'] ?? '', request))
    : tokenFor(request);
}
