// The dashboard: the unit and period of the address, its summary, kept current by the stream, drawn
// as header, tiles, map and ranked table; links move within the page and keep the address shareable.
import type { ECharts } from 'echarts/core';
import { echarts } from './charts.ts';
import type { Api } from './api/client.ts';
import type { Session } from './api/session.ts';
import { LiveStream, type StreamState } from './api/stream.ts';
import type { Indicator, Summary, TeamsWaiting } from './api/types.ts';
import { byId, flash } from './dom.ts';
import { setLang, t } from './i18n/i18n.ts';
import { applyChange, forgetRevisions, snapshotInPlace } from './live.ts';
import { asOfOf, hrefOf, readRoute, type Route } from './route.ts';
import {
  movesCoverage,
  renderCoverage,
  renderLabels,
  renderTeamsToMove,
  renderView,
  sayProblem,
  showProblem,
} from './render.ts';
import { pageMap } from './views/locator-map.ts';
import { refreshTile } from './views/tiles.ts';
import { renderTable } from './views/table.ts';
import { openExplain } from './views/explain.ts';
import { connectionText, trailOf } from './views/header.ts';

export class App {
  route: Route = readRoute();
  summary: Summary | undefined;
  teamsToMove: TeamsWaiting | undefined;
  trail: { code: string; name: string }[] = [];
  state: StreamState = { kind: 'connecting' };
  chart: ECharts | undefined;
  private stream: LiveStream | undefined;
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ownTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshedAt = 0;
  private loads = 0;

  constructor(
    readonly session: Session,
    readonly api: Api,
  ) {}

  get unit(): string {
    return this.route.unit ?? this.session.unit ?? '66';
  }

  linkTo = (code: string): string => hrefOf({ ...this.route, unit: code });
  asOf = (): string => asOfOf(this.route);
  explain = (code: string, indicatorId: string): void => {
    const period = this.route.period;
    void openExplain(this.api, { code, indicatorId, period }, this.linkTo).catch((error: unknown) =>
      sayProblem(error, { unit: code, period }),
    );
  };

  navigate(route: Route, push = true): void {
    const reload = (['unit', 'period', 'asOf', 'knownAt'] as const).some(
      (key) => route[key] !== this.route[key],
    );
    this.route = route;
    if (push) history.pushState(null, '', hrefOf(route));
    setLang(route.lang);
    if (reload) void this.load();
    else this.render();
  }

  async load(): Promise<void> {
    setLang(this.route.lang);
    this.stream?.stop();
    this.stream = undefined;
    clearTimeout(this.ownTimer);
    [this.ownTimer, this.refreshedAt] = [undefined, 0];
    this.summary = undefined;
    // A view left before its answer came (a past one asks the KPI service six times) must not be
    // drawn, nor open a stream, over the one the operator went to.
    const asked = ++this.loads;
    renderLabels(this);
    try {
      // One request: the summary names the units above, for the breadcrumbs and the map.
      const summary = await this.api.summary(this.unit, this.route.period, this.route.knownAt);
      if (asked !== this.loads) return;
      this.trail = trailOf(summary, this.session.unit, this.trail);
      this.summary = summary;
      this.render();
      // Figures as recorded by a past moment do not move: no stream.
      if (this.route.knownAt === undefined) this.live();
      void this.askTeamsToMove(asked, summary);
    } catch (error) {
      if (asked !== this.loads) return;
      showProblem(error, { unit: this.unit, period: this.route.period, knownAt: this.route.knownAt });
    }
  }

  render(): void {
    renderLabels(this);
    if (this.summary) void renderView(this, this.summary);
    renderTeamsToMove(this.teamsToMove);
  }

  /**
   * The teams of former units still to move in, as the registry counts them today: for a unit of
   * the tree in force (a former unit has nothing to move into). Only a line beside the figures, so a
   * registry that cannot answer leaves it out rather than the view.
   */
  private async askTeamsToMove(asked: number, summary: Summary): Promise<void> {
    this.teamsToMove = undefined;
    renderTeamsToMove(undefined);
    if (summary.successorsIn) return;
    const waiting = await this.api.teamsWaiting(summary.unit.code);
    if (asked !== this.loads) return;
    this.teamsToMove = waiting;
    renderTeamsToMove(waiting);
  }

  showState(state: StreamState = this.state): void {
    this.state = state;
    const { text, kind } = connectionText(state, new Date(), this.route.knownAt);
    const element = byId('connection');
    element.hidden = false;
    element.textContent = text;
    element.dataset['state'] = kind;
  }

  private live(): void {
    // A year to date is never published (ADR 0057): its stream carries the changes of the periods it
    // is summed from and those of its year that move the target (ADR 0060), and its view asks for its
    // figures again on one.
    const toDate = this.route.period.includes('-to-');
    const query = new URLSearchParams({ scope: this.unit, period: this.route.period });
    this.stream = new LiveStream(`/api/stream?${query}`, this.session.token, {
      snapshot: (summary) => {
        forgetRevisions();
        // The first snapshot mostly repeats the summary just drawn, a few figures moved. Drawing it
        // anew replaced every tile under the operator's pointer a moment after the page showed (a
        // click then opened nothing): what moved is redrawn in place, as a change is.
        const moved = this.summary && snapshotInPlace(this.summary, summary);
        if (moved) return moved.forEach((key) => this.later(key));
        this.summary = summary;
        this.render();
      },
      change: (change) => {
        if (toDate) return this.refreshFigures(true);
        if (!this.summary) return;
        const applied = applyChange(this.summary, change);
        if (applied) this.later(`${change.unitCode}|${change.indicatorId}`);
        if (applied && this.summary.successorsIn) this.refreshFigures(false);
      },
      state: (state) => this.showState(state),
    });
    this.stream.start();
  }

  /**
   * Figures that never come on the stream are asked again when what they are made of changes: a
   * former unit's own (its members' summed by the KPI service), or with its children's too, a year
   * to date's. A quarter of a second after the first change, so one report's day, month, quarter
   * and year come in one request; then at most every five seconds while changes keep coming (a
   * year to date's answer costs the KPI service one view per period it is summed from).
   */
  private refreshFigures(withChildren: boolean): void {
    const wait = Math.max(250, this.refreshedAt + 5_000 - Date.now());
    this.ownTimer ??= setTimeout(() => {
      // Cleared as the request leaves: a change while it is answered asks again, for the answer
      // may have been read before that change.
      this.ownTimer = undefined;
      this.refreshedAt = Date.now();
      const shown = this.summary;
      void this.api
        .summary(this.unit, this.route.period)
        .then((fresh) => {
          if (this.summary !== shown || !shown || fresh.unit.code !== shown.unit.code) return;
          this.replaceFigures(shown.unit.code, shown.indicators, fresh.indicators);
          for (const child of withChildren ? shown.children : []) {
            const now = fresh.children.find((c) => c.code === child.code)?.indicators;
            if (now) this.replaceFigures(child.code, child.indicators, now);
          }
        })
        .catch(() => undefined);
    }, wait);
  }

  private replaceFigures(code: string, shown: Indicator[], fresh: readonly Indicator[]): void {
    // The value and what it is made of: 51/102 and 50/100 read the same per cent.
    const figures = (i: Indicator) => `${i.value}|${i.numerator}|${i.denominator}`;
    const before = new Map(shown.map((i) => [i.id, figures(i)]));
    shown.splice(0, shown.length, ...fresh);
    for (const i of fresh) if (before.get(i.id) !== figures(i)) this.later(`${code}|${i.id}`);
  }

  /** Changes arrive by the dozen a second: drawn together a few times a second, then highlighted. */
  private later(key: string): void {
    this.pending.add(key);
    this.timer ??= setTimeout(() => this.flush(), 150);
  }

  private flush(): void {
    this.timer = undefined;
    const summary = this.summary;
    if (!summary) return;
    const keys = [...this.pending];
    this.pending.clear();
    const tiles = byId('tiles');
    if (keys.some((key) => movesCoverage(summary, key))) renderCoverage(summary);
    for (const indicator of summary.indicators) {
      if (keys.includes(`${summary.unit.code}|${indicator.id}`)) refreshTile(tiles, indicator);
    }
    renderTable(byId('table'), {
      summary,
      indicatorId: this.route.indicator,
      linkTo: this.linkTo,
      explain: this.explain,
    });
    void this.redrawMap(summary);
    flash(
      keys.flatMap((key) => {
        const [unit = '', ind = ''] = key.split('|');
        return Array.from(
          document.querySelectorAll(`[data-unit="${CSS.escape(unit)}"][data-ind="${CSS.escape(ind)}"]`),
        );
      }),
    );
  }

  async redrawMap(summary: Summary): Promise<void> {
    const drawing = await pageMap(summary, this.route.indicator);
    const host = byId('map');
    byId('map-caption').textContent = drawing?.caption ?? '';
    if (!drawing) {
      this.chart?.dispose();
      this.chart = undefined;
      host.textContent = t('mapNone');
      return;
    }
    if (!this.chart) host.textContent = '';
    this.chart ??= echarts.init(host, undefined, { renderer: 'svg' });
    drawing.draw(this.chart);
  }
}
