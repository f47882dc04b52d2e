// Who signs in on a development platform: one of each role over the Đắk Lắk pilot, as npm start
// prints them and the demo and the end-to-end tests use them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mintToken, type TokenRequest } from './mint.ts';

// The services' default issuer URL (libs/auth's authConfigFrom) points here.
const defaultIssuerPort = 3100;

/** Where the development issuer keeps its keys: the worktree's .infra/auth (git-ignored). */
export const devIssuerDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  '.infra',
  'auth',
);

export const devIssuerUrl = (env: NodeJS.ProcessEnv = process.env): string =>
  env['AUTH_ISSUER_URL'] ?? `http://127.0.0.1:${env['NHIP_ISSUER_PORT'] ?? String(defaultIssuerPort)}`;

export interface Persona extends TokenRequest {
  readonly title: string;
}

export const personas = {
  provinceIoc: {
    title: 'IOC operator, Tỉnh Đắk Lắk (66)',
    sub: 'ioc-dak-lak',
    role: 'ioc-operator',
    unit: '66',
  },
  districtOc: {
    title: 'District OC, Thành phố Buôn Ma Thuột (643, 2024 tree)',
    sub: 'oc-buon-ma-thuot',
    role: 'district-oc',
    unit: '643',
  },
  communeOfficer: {
    title: 'Commune officer, Xã Hòa Phú (24175)',
    sub: 'officer-hoa-phu',
    role: 'commune-officer',
    unit: '24175',
  },
  partner: {
    title: 'Partner, Tỉnh Đắk Lắk (66): public aggregates',
    sub: 'partner-dak-lak',
    role: 'partner',
    unit: '66',
  },
  admin: { title: 'Administrator (the whole country)', sub: 'admin-nhip', role: 'admin' },
} as const satisfies Record<string, Persona>;

/** A token of the development issuer running for this worktree (its keys under .infra/auth). */
export function devToken(request: TokenRequest, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return mintToken(devIssuerDir, devIssuerUrl(env), request);
}
