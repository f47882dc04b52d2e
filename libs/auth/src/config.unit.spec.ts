import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@nhip/service-http/config';
import { authConfigFrom } from './config.ts';

describe('authConfigFrom', () => {
  it('trusts the development issuer on NHIP_ISSUER_PORT unless AUTH_ISSUER_URL names another', () => {
    expect(authConfigFrom({})).toEqual({ issuerUrl: 'http://127.0.0.1:3100', audience: 'nhip' });
    expect(authConfigFrom({ NHIP_ISSUER_PORT: '3409' }).issuerUrl).toBe('http://127.0.0.1:3409');
    expect(
      authConfigFrom({ AUTH_ISSUER_URL: 'https://id.example.vn/realms/nhip', AUTH_AUDIENCE: 'nhip-api' }),
    ).toEqual({ issuerUrl: 'https://id.example.vn/realms/nhip', audience: 'nhip-api' });
  });

  it.each([
    [{ AUTH_ISSUER_URL: 'id.example.vn' }, /AUTH_ISSUER_URL=id.example.vn is not a URL/],
    [{ AUTH_ISSUER_URL: 'ftp://id.example.vn' }, /must be an http\(s\) URL/],
    [{ AUTH_AUDIENCE: ' ' }, /AUTH_AUDIENCE is empty/],
  ])('stops the start with one sentence for %j', (env, sentence) => {
    expect(() => authConfigFrom(env)).toThrow(ConfigError);
    expect(() => authConfigFrom(env)).toThrow(sentence);
  });
});
