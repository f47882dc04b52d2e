// Reads the old→new mapping published with a reform (`new_code,new_name,new_level,old_code,
// old_name,old_level,relation`). Only codes and the relation matter; names are for people.
import { officialUnitCodePattern } from '@nhip/contracts';
import { splitCsvLine } from '@nhip/csv';
import { linesOfFile, notUtf8, type ListProblem } from '../csv-file.ts';

export interface LineageLink {
  readonly code: string;
  readonly predecessorCode: string;
  readonly relation: 'full' | 'partial';
  readonly line: number;
}

export type ParsedLineage =
  | { readonly ok: true; readonly links: readonly LineageLink[] }
  | { readonly ok: false; readonly problems: readonly ListProblem[] };

const required = ['new_code', 'old_code', 'relation'] as const;

export function parseLineage(bytes: Uint8Array): ParsedLineage {
  const lines = linesOfFile(bytes);
  if (lines === undefined) return { ok: false, problems: [notUtf8] };
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    const reason = `Missing column(s): the header must name ${required.join(',')}.`;
    return { ok: false, problems: [{ line: 1, field: missing.join(', '), reason }] };
  }
  const links: LineageLink[] = [];
  const problems: ListProblem[] = [];
  lines.slice(1).forEach((raw, i) => {
    if (raw.trim() === '' || problems.length >= 100) return;
    const cells = splitCsvLine(raw);
    const [newCode, oldCode, relation] = required.map((c) => (cells[header.indexOf(c)] ?? '').trim());
    const link = { code: newCode ?? '', predecessorCode: oldCode ?? '', relation, line: i + 2 };
    const found = checkLink(link);
    if (found.length > 0) problems.push(...found.map((p) => ({ line: link.line, ...p })));
    else links.push(link as LineageLink);
  });
  if (problems.length > 0) return { ok: false, problems };
  if (links.length === 0)
    return { ok: false, problems: [{ line: 0, field: 'file', reason: 'The mapping has no rows.' }] };
  return { ok: true, links };
}

function checkLink(link: { code: string; predecessorCode: string; relation: string | undefined }) {
  return [
    ...(officialUnitCodePattern.test(link.code)
      ? []
      : [{ field: 'new_code', reason: `"${link.code}" is not an official code.` }]),
    ...(officialUnitCodePattern.test(link.predecessorCode)
      ? []
      : [{ field: 'old_code', reason: `"${link.predecessorCode}" is not an official code.` }]),
    ...(link.relation === 'full' || link.relation === 'partial'
      ? []
      : [{ field: 'relation', reason: `"${link.relation ?? ''}" is neither full nor partial.` }]),
  ];
}
