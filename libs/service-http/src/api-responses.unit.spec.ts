import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { withStandardResponses } from './api-responses.ts';

const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/health': { get: { responses: { '200': { description: 'up' } }, 'x-roles': ['public'] } },
    '/units/{code}/indicators': {
      get: {
        parameters: [{ name: 'code', in: 'path', required: true }],
        responses: { '200': { description: '' } },
        'x-roles': ['ioc-operator', 'partner'],
      },
    },
    '/activities': {
      post: {
        requestBody: { content: { 'application/json': { schema: {} } } },
        responses: { '201': { description: '' }, '409': { description: 'Used id' } },
        'x-roles': ['team-leader'],
      },
    },
  },
} as unknown as OpenAPIObject;

describe('the responses every operation documents', () => {
  const done = withStandardResponses(document);
  const responses = (path: string, method: 'get' | 'post') => done.paths[path]?.[method]?.responses ?? {};

  it('adds the refusals a route can meet, each an RFC 9457 problem', () => {
    expect(Object.keys(responses('/units/{code}/indicators', 'get')).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '503',
    ]);
    expect(responses('/units/{code}/indicators', 'get')['403']).toEqual({
      description: 'Allowed for ioc-operator, partner, within their unit.',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(done.components?.schemas?.['Problem']).toMatchObject({
      required: ['type', 'title', 'status', 'detail'],
    });
  });

  it('keeps what a controller declared, and says what an undescribed success means', () => {
    const write = responses('/activities', 'post');
    expect(Object.keys(write).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '503',
    ]);
    expect(write['409']).toEqual({ description: 'Used id' });
    expect(write['201']).toEqual({ description: 'Recorded.' });
    expect(responses('/units/{code}/indicators', 'get')['200']).toEqual({ description: 'The answer.' });
  });

  it('leaves a public probe without sign-in refusals', () => {
    expect(responses('/health', 'get')).toEqual({ '200': { description: 'up' } });
  });

  it('gives the document the answers its operations point at, and those they point at, no others', () => {
    const answering = {
      ...document,
      paths: {
        '/catalog': {
          get: {
            responses: {
              '200': {
                description: '',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Catalog' } } },
              },
            },
          },
        },
      },
    } as unknown as OpenAPIObject;
    const answers = {
      Catalog: { type: 'array', items: { $ref: '#/components/schemas/Name' } },
      Name: { type: 'string' },
      Explanation: { type: 'object' },
    };
    const schemas = withStandardResponses(answering, answers).components?.schemas ?? {};
    expect(Object.keys(schemas).sort()).toEqual(['Catalog', 'Name', 'Problem']);
    expect(schemas['Name']).toEqual({ type: 'string' });
  });
});
