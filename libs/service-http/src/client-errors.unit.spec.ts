import { describe, expect, it } from '@jest/globals';
import { clientErrorResponse } from './client-errors.ts';

const parse = (raw: string) => {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [status = '', ...headers] = head.split('\r\n');
  return {
    status,
    headers,
    body: JSON.parse(body) as Record<string, unknown>,
    length: Buffer.byteLength(body),
  };
};

describe('a request the HTTP parser could not read', () => {
  it('is answered as a problem that says how a URL is written', () => {
    const answer = parse(clientErrorResponse('HPE_INVALID_URL'));
    expect(answer.status).toBe('HTTP/1.1 400 Bad Request');
    expect(answer.headers).toEqual([
      'Content-Type: application/problem+json; charset=utf-8',
      `Content-Length: ${answer.length}`,
      'Connection: close',
    ]);
    expect(answer.body).toMatchObject({
      status: 400,
      detail: expect.stringContaining('percent-encoded (Hòa Phú as H%C3%B2a%20Ph%C3%BA)'),
      errors: [{ field: 'request', reason: 'HPE_INVALID_URL' }],
    });
  });

  it('keeps the statuses HTTP has for headers too large and a request too slow', () => {
    expect(parse(clientErrorResponse('HPE_HEADER_OVERFLOW')).status).toBe(
      'HTTP/1.1 431 Request Header Fields Too Large',
    );
    expect(parse(clientErrorResponse('ERR_HTTP_REQUEST_TIMEOUT')).body).toMatchObject({ status: 408 });
    expect(parse(clientErrorResponse(undefined)).body).toMatchObject({
      status: 400,
      errors: [{ field: 'request', reason: 'unreadable' }],
    });
  });
});
