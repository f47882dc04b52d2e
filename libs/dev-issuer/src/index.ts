// The development issuer: for npm start, the demo and the tests only. A deployment points the
// services at its own identity provider (AUTH_ISSUER_URL, AUTH_AUDIENCE) and never loads this.
export { ensureKeys, newSigningKey, readKeys, rotateKeys, type SigningKey } from './keys.ts';
export { mintToken, signToken, type TokenRequest } from './mint.ts';
export { startDevIssuer, type DevIssuer } from './server.ts';
export { devIssuerDir, devIssuerUrl, devToken, personas, type Persona } from './personas.ts';
