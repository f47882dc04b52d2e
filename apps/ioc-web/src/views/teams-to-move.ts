// The line that tells an operator how many teams of the former units are still to move in after the
// 2025 reform (the registry's coverage, ADR 0065), and where: the units below with the most first.
// A commune's officer then carries them over (POST /units/{commune}/carry-over, ADR 0068).
import type { TeamsToMove } from '../api/types.ts';
import { formatCount, t } from '../i18n/i18n.ts';

const listed = 5;

/** Empty when none is waiting. */
export function teamsToMoveText(coverage: TeamsToMove): string {
  const { unit } = coverage;
  if (unit.teamsToMove === 0) return '';
  const waiting = coverage.children
    .filter((c) => c.teamsToMove > 0)
    .sort((a, b) => b.teamsToMove - a.teamsToMove || a.name.localeCompare(b.name, 'vi'));
  const where = waiting.slice(0, listed).map((c) => `${c.name} ${formatCount(c.teamsToMove)}`);
  if (waiting.length > listed) where.push('…');
  const line = t('teamsToMove', { unit: unit.name, n: formatCount(unit.teamsToMove) });
  return where.length === 0 ? line : `${line} (${where.join(', ')})`;
}
