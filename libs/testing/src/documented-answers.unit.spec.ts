import { describe, expect, it } from '@jest/globals';
import { DocumentedAnswers } from './documented-answers.ts';

const document = {
  paths: {
    '/units/{code}': {
      get: {
        responses: {
          '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Unit' } } } },
          '404': {
            content: { 'application/problem+json': { schema: { type: 'object', required: ['title'] } } },
          },
        },
      },
    },
    '/units/search': { get: { responses: { '200': { description: 'no schema' } } } },
    '/stream': {
      get: {
        responses: {
          '200': { content: { 'text/event-stream': { schema: { $ref: '#/components/schemas/Stream' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Unit: {
        type: 'object',
        required: ['code', 'population'],
        additionalProperties: false,
        properties: { code: { type: 'string' }, population: { type: 'integer', nullable: true } },
      },
      Stream: { type: 'string', 'x-frames': { change: { $ref: '#/components/schemas/Unit' } } },
    },
  },
};

const answer = (over: Partial<Parameters<DocumentedAnswers['check']>[0]>) => ({
  method: 'GET',
  url: '/units/66?period=2026',
  status: 200,
  contentType: 'application/json; charset=utf-8',
  body: { code: '66', population: null },
  ...over,
});

describe('answers checked against the OpenAPI document that describes them', () => {
  it('passes an answer in its documented shape, OpenAPI’s nullable and $refs understood', async () => {
    const checks = new DocumentedAnswers(() => Promise.resolve(document));
    await expect(checks.check(answer({}))).resolves.toBeUndefined();
  });

  it('fails an answer with a field its schema does not have, or without one it requires, naming both', async () => {
    const checks = new DocumentedAnswers(() => Promise.resolve(document));
    await expect(checks.check(answer({ body: { code: '66', population: 1, extra: true } }))).rejects.toThrow(
      'GET /units/66?period=2026 answered 200 application/json in a shape its OpenAPI document does not describe: (the answer): must NOT have additional properties “extra”',
    );
    await expect(checks.check(answer({ body: { code: 66 } }))).rejects.toThrow(
      "(the answer): must have required property 'population'; /code: must be string",
    );
  });

  it('checks problems by their own media type, and leaves what the document gives no schema', async () => {
    const checks = new DocumentedAnswers(() => Promise.resolve(document));
    const problem = { status: 404, contentType: 'application/problem+json', body: {} };
    await expect(checks.check(answer(problem))).rejects.toThrow("must have required property 'title'");
    // The parameterless template is the route, not /units/{code}: it documents no schema.
    await expect(checks.check(answer({ url: '/units/search?q=x', body: [] }))).resolves.toBeUndefined();
    await expect(checks.check(answer({ url: '/metrics', body: {} }))).resolves.toBeUndefined();
    await expect(checks.check(answer({ status: 500, body: {} }))).resolves.toBeUndefined();
    await expect(checks.check(answer({ contentType: 'text/csv', body: 'a,b' }))).resolves.toBeUndefined();
  });

  it('checks a stream’s frames by the schema of their kind, and leaves kinds it gives none', async () => {
    const checks = new DocumentedAnswers(() => Promise.resolve(document));
    const frame = { url: 'http://127.0.0.1:3105/stream?scope=66', event: 'change' };
    await expect(
      checks.checkFrame({ ...frame, data: '{"code":"66","population":3}' }),
    ).resolves.toBeUndefined();
    await expect(checks.checkFrame({ ...frame, data: '{"code":"66"}' })).rejects.toThrow(
      `GET /stream sent a frame “change” in a shape its OpenAPI document does not describe: (the answer): must have required property 'population'`,
    );
    await expect(checks.checkFrame({ ...frame, event: 'other', data: '{}' })).resolves.toBeUndefined();
  });
});
