// The development issuer's signing keys: ES256 pairs kept in a JSON file under .infra/auth/,
// generated at first start. Rotation puts a new key first and keeps the previous one published,
// so tokens signed just before a rotation stay valid until they expire.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface SigningKey {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
  readonly createdAt: string;
}

const keysFile = (dir: string): string => path.join(dir, 'keys.json');

export function readKeys(dir: string): SigningKey[] {
  const file = keysFile(dir);
  if (!fs.existsSync(file)) return [];
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: SigningKey[] }).keys;
}

function writeKeys(dir: string, keys: readonly SigningKey[]): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Written whole then renamed: the issuer reading it meanwhile never sees half a file.
  const temporary = `${keysFile(dir)}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ keys }, null, 2), { mode: 0o600 });
  fs.renameSync(temporary, keysFile(dir));
}

export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomUUID();
  const meta = { kid, alg: 'ES256', use: 'sig' };
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    publicJwk: { ...(await exportJWK(publicKey)), ...meta },
    createdAt: new Date().toISOString(),
  };
}

/** The keys in `dir`, a first one generated when there are none. */
export async function ensureKeys(dir: string): Promise<SigningKey[]> {
  const keys = readKeys(dir);
  if (keys.length > 0) return keys;
  const created = [await newSigningKey()];
  writeKeys(dir, created);
  return created;
}

/** A new current key; the previous one stays published, older ones are dropped. */
export async function rotateKeys(dir: string): Promise<SigningKey> {
  const key = await newSigningKey();
  writeKeys(dir, [key, ...readKeys(dir).slice(0, 1)]);
  return key;
}
