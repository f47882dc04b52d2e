// The verifier against a real development issuer on a port of its own: discovery, the JWKS,
// every refusal a client can meet, a key rotation picked up after one refresh, and verified
// tokens remembered only while jose would accept them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ProblemError } from '@nhip/service-http';
import {
  mintToken,
  newSigningKey,
  rotateKeys,
  signToken,
  startDevIssuer,
  type DevIssuer,
} from '@nhip/dev-issuer';
import { TokenVerifier } from './verifier.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-issuer-'));
let issuer: DevIssuer;
let verifier: TokenVerifier;
const officer = { sub: 'officer-7', role: 'commune-officer', unit: '24175' } as const;

async function refusal(authorization: string | undefined) {
  const error = await verifier.verify(authorization).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

const reasonOf = (problem: ProblemError) => problem.problem.errors?.[0]?.reason;

/** The token with one character of its signature replaced by another. */
function oneByteChanged(token: string): string {
  const at = token.lastIndexOf('.') + 6;
  return `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
}

beforeAll(async () => {
  issuer = await startDevIssuer({ dir, port: 0 });
  verifier = new TokenVerifier({ issuerUrl: issuer.url, audience: 'nhip', refreshCooldownMs: 0 });
});
afterAll(async () => {
  await issuer.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('TokenVerifier', () => {
  it('accepts a token of the discovered issuer and names its principal', async () => {
    const token = await mintToken(dir, issuer.url, officer);
    const principal = await verifier.verify(`Bearer ${token}`);
    expect(principal).toEqual({
      subject: 'officer-7',
      role: 'commune-officer',
      unit: '24175',
      expiresAt: expect.any(Date),
    });
    // The token's exp, read once here: a stream that outlives it ends then.
    expect(principal.expiresAt?.getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses no token with a bare challenge, and a bad one with invalid_token and the reason', async () => {
    const missing = await refusal(undefined);
    expect(missing.problem.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="nhip"');
    const expired = await refusal(
      `Bearer ${await mintToken(dir, issuer.url, { ...officer, expiresIn: -60 })}`,
    );
    expect(expired.headers['www-authenticate']).toBe(
      'Bearer realm="nhip", error="invalid_token", error_description="the token has expired"',
    );
  });

  it.each([
    ['another audience', { ...officer, audience: 'elsewhere' }, /claim aud/],
    ['no unit for a commune officer', { sub: 'x', role: 'commune-officer' as const }, /names the unit/],
    ['an unknown role', { sub: 'x', role: 'root' as 'admin', unit: '66' }, /role must be one of/],
  ])('refuses %s', async (_name, request, reason) => {
    const problem = await refusal(`Bearer ${await mintToken(dir, issuer.url, request)}`);
    expect(problem.problem.status).toBe(401);
    expect(problem.problem.errors?.[0]?.reason).toMatch(reason);
  });

  it('refuses a token signed by a key the issuer does not publish, a tampered one and garbage', async () => {
    const foreign = await signToken(await newSigningKey(), issuer.url, officer);
    expect((await refusal(`Bearer ${foreign}`)).problem.errors?.[0]?.reason).toMatch(/does not publish/);
    const [h, p, s] = (await mintToken(dir, issuer.url, officer)).split('.');
    const claims = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as object;
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${s}`;
    expect((await refusal(`Bearer ${tampered}`)).problem.errors?.[0]?.reason).toMatch(/signature/);
    for (const garbage of ['Bearer x.y.z', 'Basic abc', 'Bearer', 'Bearer a.b']) {
      expect((await refusal(garbage)).problem.status).toBe(401);
    }
  });

  it('accepts a new key after a rotation (one refresh) and still the previous one', async () => {
    const before = await mintToken(dir, issuer.url, officer);
    await verifier.verify(`Bearer ${before}`);
    const rotated = await rotateKeys(dir);
    const after = await mintToken(dir, issuer.url, officer);
    expect(JSON.parse(Buffer.from(after.split('.')[0] ?? '', 'base64url').toString())).toMatchObject({
      kid: rotated.kid,
    });
    expect((await verifier.verify(`Bearer ${after}`)).subject).toBe('officer-7');
    expect((await verifier.verify(`Bearer ${before}`)).subject).toBe('officer-7');
  });

  it('remembers a verified token (the same principal back), never a changed one or one past its exp', async () => {
    const token = await mintToken(dir, issuer.url, { ...officer, expiresIn: 5 });
    const first = await verifier.verify(`Bearer ${token}`); // remembered unless the keys were fetched meanwhile
    const second = await verifier.verify(`Bearer ${token}`);
    expect(await verifier.verify(`Bearer ${token}`)).toBe(second);
    expect(first.subject).toBe('officer-7');
    // One byte of the signature changed: checked again, and refused.
    expect(reasonOf(await refusal(`Bearer ${oneByteChanged(token)}`))).toMatch(/signature/);
    await new Promise((resolve) => setTimeout(resolve, second.expiresAt!.getTime() - Date.now() + 10));
    expect(reasonOf(await refusal(`Bearer ${token}`))).toBe('the token has expired');
  });

  it('verifies every time when told to remember no token', async () => {
    const strict = new TokenVerifier({ issuerUrl: issuer.url, audience: 'nhip', verifiedTokens: 0 });
    const token = await mintToken(dir, issuer.url, officer);
    await strict.verify(`Bearer ${token}`);
    const again = await strict.verify(`Bearer ${token}`);
    expect(await strict.verify(`Bearer ${token}`)).not.toBe(again);
    expect(again).toEqual(await strict.verify(`Bearer ${token}`));
  });

  it('answers 503 while the issuer cannot be reached, and recovers when it is back', async () => {
    const away = new TokenVerifier({ issuerUrl: 'http://127.0.0.1:9', audience: 'nhip' });
    const error = await away
      .verify(`Bearer ${await mintToken(dir, issuer.url, officer)}`)
      .catch((e: unknown) => e);
    expect((error as ProblemError).problem.status).toBe(503);
  });
});
