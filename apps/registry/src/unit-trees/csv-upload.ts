// What both uploads of a tree version (its unit list, its lineage mapping) check before parsing:
// the body is CSV bytes, and the tree versions named in the URL are well formed.
import { treeVersionPattern } from '@nhip/contracts';
import { ProblemError, problemType, unsupportedMediaType } from '@nhip/service-http';

export const csvBody = { schema: { type: 'string', format: 'binary' } } as const;

export function csvOnly(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body;
  throw unsupportedMediaType(
    'Send the file as CSV',
    'The body must be the CSV file itself with Content-Type: text/csv.',
    'expected text/csv',
  );
}

export function checkTreeVersion(treeVersion: string, field: string): void {
  if (treeVersionPattern.test(treeVersion)) return;
  throw new ProblemError({
    type: problemType('invalid-tree-version'),
    title: 'Invalid tree version',
    status: 400,
    detail: `"${treeVersion}" is not a tree version: use lower-case letters, digits and dashes, e.g. vn-2025.`,
    errors: [{ field, reason: 'lower-case letters, digits and dashes, at most 40' }],
  });
}
