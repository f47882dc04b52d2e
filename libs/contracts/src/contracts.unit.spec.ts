import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { Parser } from '@asyncapi/parser';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { asyncApiDocument } from './asyncapi.ts';
import { publicEventCatalog, publicEventProblems } from './catalog.ts';
import { statisticReportProblems } from './kpi/partner-statistics.ts';
import { normalisePhone } from './patterns.ts';

// Stoplight's DiagnosticSeverity.Error; the parser's diagnostics carry a copy of that enum from another package.
const errorSeverity = 0;
const examplesDir = new URL('../examples/', import.meta.url);
const examples = readdirSync(examplesDir).flatMap((type) =>
  readdirSync(new URL(`${type}/`, examplesDir)).map((file) => ({
    type,
    file,
    data: JSON.parse(readFileSync(new URL(`${type}/${file}`, examplesDir), 'utf8')) as unknown,
  })),
);

describe('public event contracts', () => {
  it('names every type and topic by the convention partners rely on', () => {
    for (const d of publicEventCatalog) {
      expect(d.type).toMatch(/^vn\.nhip\.[a-z]+\.[a-z-]+\.[a-z-]+\.v\d+$/);
      expect(d.topic).toMatch(/^public\.[a-z]+\.[a-z-]+\.v\d+$/);
      expect((d.schema as { required?: string[] }).required).toContain(d.keyField);
    }
    expect(new Set(publicEventCatalog.map((d) => d.type)).size).toBe(publicEventCatalog.length);
  });

  // No schema registry server here: compatibility is every example ever published still validating.
  it('still accepts every historical example, by TypeBox and by an independent validator (Ajv)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    for (const example of examples) {
      const definition = publicEventCatalog.find((d) => d.type === example.type);
      expect({ example: `${example.type}/${example.file}`, known: definition !== undefined }).toEqual({
        example: `${example.type}/${example.file}`,
        known: true,
      });
      expect(publicEventProblems(example.type, example.data)).toEqual([]);
      expect(ajv.validate(JSON.parse(JSON.stringify(definition?.schema)) as object, example.data)).toBe(true);
    }
  });

  it('keeps at least one example per event type', () => {
    const covered = new Set(examples.map((e) => e.type));
    expect(publicEventCatalog.map((d) => d.type).filter((t) => !covered.has(t))).toEqual([]);
  });

  it('refuses data that breaks a schema and says where', () => {
    const problems = publicEventProblems('vn.nhip.registry.team.member-added.v1', {
      teamId: 'not-a-uuid',
      memberId: '0b8f5d7e-3c21-4f6a-8e90-5a4b3c2d1e0f',
      role: 'member',
      affiliation: 'astronaut',
    });
    expect(problems.join('\n')).toMatch(/\/teamId/);
    expect(problems.join('\n')).toMatch(/\/affiliation/);
    expect(publicEventProblems('vn.nhip.registry.team.exploded.v1', {})).toEqual([
      'unknown public event type vn.nhip.registry.team.exploded.v1',
    ]);
  });

  it('publishes an AsyncAPI 3 document that the AsyncAPI parser accepts without errors', async () => {
    const { diagnostics, document } = await new Parser().parse(JSON.stringify(asyncApiDocument()));
    expect(diagnostics.filter((d) => (d.severity as number) === errorSeverity).map((d) => d.message)).toEqual(
      [],
    );
    expect(document?.channels().length).toBe(11);
    // The public events, and the one message partners send (partner.statistics.v1).
    expect(document?.messages().length).toBe(publicEventCatalog.length + 1);
  });

  it('documents the one channel partners send on, its example passing the schema the KPI service checks', async () => {
    const { document } = await new Parser().parse(JSON.stringify(asyncApiDocument()));
    const inbound = document?.channels().get('partnerStatistics');
    expect(inbound?.address()).toBe('partner.statistics.v1');
    expect(document?.operations().get('sendPartnerStatistics')?.action()).toBe('send');
    const message = inbound?.messages().get('partnerStatisticReported');
    const examples = message?.examples().all() ?? [];
    expect(examples.map((e) => statisticReportProblems(e.payload()))).toEqual([[]]);
  });

  it('has the committed asyncapi.json in step with the schemas (npm run contracts:asyncapi)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../asyncapi.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(asyncApiDocument());
  });
});

describe('phone numbers', () => {
  it('have one spelling, 0…, whichever way they were written', () => {
    expect(['0912345678', '+84912345678', '84 912 345 678', '0912.345.678'].map(normalisePhone)).toEqual(
      Array.from({ length: 4 }, () => '0912345678'),
    );
    expect(['912345678', '+1 555 0100', '09123', ''].map(normalisePhone)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
