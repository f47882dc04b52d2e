// Drawing a view: every label from the catalogue in the language in force, then the unit's tiles,
// map and table, the breadcrumbs, the search box and the period form.
import { coverageIndicator, coverageOf } from '@nhip/contracts/coverage';
import type { App } from './app.ts';
import type { Summary, TeamsWaiting } from './api/types.ts';
import { byId, h } from './dom.ts';
import { currentLang, formatCount, t } from './i18n/i18n.ts';
import { periodTitle } from './i18n/period-label.ts';
import { hrefOf } from './route.ts';
import { breadcrumbs, periodForm, whoText } from './views/header.ts';
import { nameOf } from './views/indicator-text.ts';
import { problemText, type Asked } from './views/problem-text.ts';
import { searchBox } from './views/search.ts';
import { teamsToMoveText } from './views/teams-to-move.ts';
import { renderCsvFormatChoice } from './views/csv-format-choice.ts';
import { downloadCsv } from './views/summary-csv.ts';
import { renderTable } from './views/table.ts';
import { renderTiles } from './views/tiles.ts';

export function renderLabels(app: App): void {
  document.title = app.summary ? `${app.summary.unit.name} · Nhịp` : 'Nhịp';
  byId('skip').textContent = t('skip');
  byId('title').textContent = t('title');
  // The caller's own unit by name when the trail holds it; its code otherwise (whoText).
  const home = app.trail.find((u) => u.code === app.session.unit);
  byId('who').textContent = whoText(app.session, home?.name);
  const lang = byId('lang');
  lang.textContent = t('switchTo');
  lang.setAttribute('lang', currentLang() === 'vi' ? 'en' : 'vi');
  lang.setAttribute('aria-label', `${t('language')}: ${t('switchTo')}`);
  byId('sign-out').textContent = t('signOut');
  byId('download').textContent = t('download');
  renderCsvFormatChoice();
  byId('tiles-title').textContent = t('indicators');
  byId('map-title').textContent = t('map');
  byId('map-indicator-label').textContent = t('mapIndicator');
  byId('map').setAttribute('aria-label', t('map'));
  byId('crumbs').replaceChildren(breadcrumbs(app.trail, app.linkTo));
  // Rebuilt only when their language or period changes: a snapshot must not wipe what is typed.
  // The live link names the unit and indicator shown: rebuilt with them too.
  const { period, knownAt, unit, indicator, asOf } = app.route;
  const key = [currentLang(), period, knownAt, unit, indicator, asOf].join('|');
  const bar = byId('search-host');
  if (bar.dataset['key'] !== key) {
    bar.dataset['key'] = key;
    const live = hrefOf({ ...app.route, knownAt: undefined });
    byId('period-host').replaceChildren(
      periodForm(app.route, (asked) => app.navigate({ ...app.route, ...asked }), live),
    );
    bar.replaceChildren(
      searchBox({ api: app.api, asOf: app.asOf, home: app.session.unit, linkTo: app.linkTo }),
    );
  }
  app.showState();
  if (!app.summary) byId('unit-name').textContent = t('loading');
}

function indicatorChoice(app: App, summary: Summary): void {
  const select = byId('map-indicator') as HTMLSelectElement;
  select.replaceChildren(
    ...summary.indicators.map((i) =>
      h('option', { value: i.id, ...(i.id === app.route.indicator ? { selected: '' } : {}) }, nameOf(i)),
    ),
  );
  select.onchange = () => app.navigate({ ...app.route, indicator: select.value });
}

/** The line under the unit's name: its coverage, and for a former unit the tree of its successors. */
export function renderCoverage(summary: Summary): void {
  // The counting indicator's figures as they stand: a change on the stream moves them.
  const coverage = coverageOf(summary.indicators);
  byId('coverage').textContent = [
    coverage
      ? `${t('coverage')}: ${formatCount(coverage.villagesWithTeam)}/${formatCount(coverage.villages)}`
      : '',
    summary.successorsIn ? t('formerUnit', { tree: summary.successorsIn }) : '',
  ]
    .filter((part) => part !== '')
    .join(' · ');
}

/** The teams of former units still to move in; hidden when none waits or the registry did not say. */
export function renderTeamsToMove(waiting: TeamsWaiting | undefined): void {
  const line = byId('teams-to-move');
  line.textContent = waiting ? teamsToMoveText(waiting.coverage, waiting.carryOvers) : '';
  line.hidden = line.textContent === '';
}

/** True when a change of this key ("unit|indicator") moves the coverage line of the summary. */
export const movesCoverage = (summary: Summary, key: string): boolean =>
  key === `${summary.unit.code}|${coverageIndicator}`;

export async function renderView(app: App, summary: Summary): Promise<void> {
  byId('message').textContent = '';
  byId('view').hidden = false;
  byId('unit-name').textContent = `${summary.unit.name} · ${periodTitle(summary.period)}`;
  renderCoverage(summary);
  // The figures as they stand when clicked: the stream keeps the summary's figures current.
  byId('download').onclick = () => downloadCsv(app.summary ?? summary);
  renderTiles(byId('tiles'), summary, app.explain);
  indicatorChoice(app, summary);
  renderTable(byId('table'), {
    summary,
    indicatorId: app.route.indicator,
    linkTo: app.linkTo,
    explain: app.explain,
  });
  await app.redrawMap(summary);
}

/** Says why something asked for (a view, an explanation) could not be shown. */
export function sayProblem(error: unknown, asked: Asked): void {
  byId('message').textContent = problemText(error, asked);
}

/** A view that cannot be shown says why, and leaves no empty map, table or "connecting" behind. */
export function showProblem(error: unknown, asked: Asked): void {
  sayProblem(error, asked);
  byId('view').hidden = true;
  byId('connection').hidden = true;
}
