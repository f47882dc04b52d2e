// The line that tells an operator how many teams of the former units are still to move in after the
// 2025 reform (the registry's coverage, ADR 0065), and where: the units below with the most first.
// A commune's officer then carries them over (POST /units/{commune}/carry-over, ADR 0068); those the
// carry-over cannot place (a divided commune's, two villages of one name) wait for a person to say
// where they go (ADR 0070), and the line says how many and in which communes, so the operations
// centre knows whom to call rather than only that the count does not fall.
import type { CarryOvers, TeamsToMove } from '../api/types.ts';
import { formatCount, t } from '../i18n/i18n.ts';

const listed = 5;

/** "Xã Krông Năng 1.200, Xã Ea Drông 2, …": the five with the most first. */
function where(counts: readonly { readonly name: string; readonly n: number }[]): string {
  const waiting = counts
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, 'vi'))
    .map((c) => `${c.name} ${formatCount(c.n)}`);
  return [...waiting.slice(0, listed), ...(waiting.length > listed ? ['…'] : [])].join(', ');
}

const withWhere = (line: string, places: string): string => (places === '' ? line : `${line} (${places})`);

/** Empty when none is waiting; the carry-overs, when the registry gave them, add who waits for a person. */
export function teamsToMoveText(coverage: TeamsToMove, carryOvers?: CarryOvers): string {
  const { unit } = coverage;
  if (unit.teamsToMove === 0) return '';
  const children = coverage.children.map((c) => ({ name: c.name, n: c.teamsToMove }));
  const line = withWhere(
    t('teamsToMove', { unit: unit.name, n: formatCount(unit.teamsToMove) }),
    where(children),
  );
  const left = carryOvers?.waiting.teams ?? 0;
  if (left === 0) return line;
  // A commune's own line names no commune: it is the one on screen.
  const communes = (carryOvers?.communes ?? [])
    .filter((c) => c.code !== unit.code)
    .map((c) => ({ name: c.name, n: c.summary.teamsLeft }));
  return `${line}. ${withWhere(t('teamsWaiting', { n: formatCount(left) }), where(communes))}`;
}
