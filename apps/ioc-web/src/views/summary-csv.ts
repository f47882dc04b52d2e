// The view on screen as a table an operator opens in Excel and sends upward, as provinces report
// today: one row per unit and indicator, the unit itself first, then its children by name, named
// in the screen's language. Figures are plain numbers as the Excel chosen reads a CSV
// (csv-format.ts): a Vietnamese Windows lists with ';' and writes decimals with ',', an English
// one with ',' and '.'. A byte-order mark makes Excel read the diacritics as UTF-8; lines end CRLF
// (RFC 4180).
import type { ChildUnit, Indicator, Summary } from '../api/types.ts';
import { currentLang, t } from '../i18n/i18n.ts';
import { csvFormat, csvFormats, type CsvFormat } from './csv-format.ts';
import { missingText } from './indicator-text.ts';
import { vietnamOffsetMs } from './known-at.ts';
import { byName } from './table.ts';

// Excel runs a cell that starts with one of these as a formula: a village's name typed by a member
// ("=HYPERLINK(…)") must stay text, so it is written after an apostrophe, as Excel itself marks text.
const formulaStart = /^[=+\-@\t\r]/;

function textCell(text: string, separator: string): string {
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A figure as written by the service ("134.54"), with the language's decimal mark; empty when none. */
const numberCell = (figure: number | string | null, decimal: string): string =>
  figure === null ? '' : String(figure).replace('.', decimal);

const measureOf = (indicator: Indicator): string =>
  indicator.unit === 'percent' ? '%' : t(indicator.unit === 'ratio' ? 'csvRatio' : 'csvCount');

/** A unit's lines: its code, name and role, then each indicator's name and figures. */
function linesOf(
  unit: Pick<ChildUnit, 'code' | 'name'>,
  role: string,
  indicators: readonly Indicator[],
  { period, format }: { readonly period: string; readonly format: CsvFormat },
) {
  const lang = currentLang();
  const { separator, decimal } = csvFormats[format];
  const text = (value: string) => textCell(value, separator);
  return indicators.map((i) =>
    [
      ...[unit.code, unit.name, role, period, i.id, i.name[lang], measureOf(i), String(i.version)].map(text),
      ...[i.exact ?? i.value, i.numerator, i.denominator, i.target, i.attainment, i.rank].map((n) =>
        numberCell(n, decimal),
      ),
      text(i.value === null ? missingText(i.missing) : ''),
    ].join(separator),
  );
}

const header = [
  ...['csvUnitCode', 'unit', 'csvRole', 'period', 'csvIndicatorId', 'csvIndicator', 'csvMeasure'],
  ...['csvVersion', 'value', 'numerator', 'denominator', 'target', 'csvAttainment', 'rank', 'csvNote'],
] as const;

/** The summary as CSV text for the Excel chosen, with its byte-order mark. */
export function summaryCsv(summary: Summary, format: CsvFormat = csvFormat()): string {
  const { separator } = csvFormats[format];
  const file = { period: summary.period, format };
  const children = [...summary.children].sort((a, b) => byName.compare(a.name, b.name));
  const lines = [
    header.map((key) => textCell(t(key), separator)).join(separator),
    ...linesOf(summary.unit, t('csvShown'), summary.indicators, file),
    // A unit replaced in the period's tree (ADR 0050) is shown as the units that replaced it.
    ...children.flatMap((c) =>
      linesOf(c, t(summary.successorsIn ? 'csvSuccessor' : 'csvChild'), c.indicators, file),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// Vietnam's time, UTC+7 without daylight saving, as the moment is typed and shown on screen.
const vietnamMinute = (iso: string): string =>
  new Date(Date.parse(iso) + vietnamOffsetMs).toISOString().slice(0, 16).replace('T', '-').replace(':', 'h');

/** The file's name: the unit, the period, and for a view as recorded by a moment that moment. */
export const csvFileName = (summary: Summary): string =>
  `nhip-${summary.unit.code}-${summary.period}${summary.knownAt ? `-${vietnamMinute(summary.knownAt)}` : ''}.csv`;

/** Hands the summary to the browser as a download. */
export function downloadCsv(summary: Summary): void {
  const url = URL.createObjectURL(new Blob([summaryCsv(summary)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(summary);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
