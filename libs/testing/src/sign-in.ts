// Tokens for the specs: the development issuer's personas, and any role and unit a spec needs.
import { devToken, personas, type TokenRequest } from '@nhip/dev-issuer';

export { personas };

export const tokenFor = (request: TokenRequest): Promise<string> => devToken(request);

/** Authorization header of a persona or request, for specs that call fetch themselves. */
export async function bearer(request: TokenRequest = personas.admin): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await devToken(request)}` };
}
