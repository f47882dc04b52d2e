// What the page says when a view cannot be shown: in the operator's language what to change where
// the dashboard knows (a period written wrongly, a unit code that names nothing), the server's own
// words otherwise, never only a status code.
import { ApiError, type ProblemBody } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';

export type Asked = { readonly unit: string; readonly period: string; readonly knownAt?: string | undefined };

/** The refusals the dashboard can put in the operator's words; undefined for the others. */
function known(status: number, problem: ProblemBody, asked: Asked): string | undefined {
  if (status === 403) return t('forbidden');
  const names = (field: string) => problem.errors?.some((e) => e.field === field) ?? false;
  // A 404 on the unit's code; one on anything else (an indicator) is said in the server's words.
  if (status === 404 && names('code')) return t('unitNotFound', { code: asked.unit, period: asked.period });
  if (status !== 400) return undefined;
  if (names('period')) return `${t('badPeriod', { period: asked.period })} ${t('periodHint')}`;
  return names('knownAt') ? t('badKnownAt', { knownAt: asked.knownAt ?? '' }) : undefined;
}

export function problemText(error: unknown, asked: Asked): string {
  // fetch failing outright: no answer at all, so nothing the server said.
  if (!(error instanceof ApiError)) return t('unreachable');
  const { status, problem } = error;
  const said = problem.detail ?? problem.errors?.map((e) => `${e.field}: ${e.reason}`).join('; ');
  return (
    known(status, problem, asked) ?? (said ? `${t('error', { status })}: ${said}` : t('error', { status }))
  );
}
