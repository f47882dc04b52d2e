// The language in force and the vi-VN / en-GB formats of numbers, per cents and dates.
import { en, vi, type MessageKey } from './messages.ts';

export type Lang = 'vi' | 'en';
let lang: Lang = 'vi';

export const currentLang = (): Lang => lang;
export function setLang(next: Lang): void {
  lang = next;
  // Absent where the texts are checked without a browser (the unit specs).
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

const locale = (): string => (lang === 'vi' ? 'vi-VN' : 'en-GB');

/**
 * Every moment on screen is in Vietnam's time (UTC+7, no daylight saving), the time the periods are
 * counted in and the operators live by, whatever zone the wall screen's computer is set to (a kiosk
 * left on UTC would show a report recorded at 14:04 as 07:04).
 */
export const vietnamTimeZone = 'Asia/Ho_Chi_Minh';

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = (lang === 'vi' ? vi : en)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export const formatCount = (n: number, decimals = 0): string =>
  new Intl.NumberFormat(locale(), { maximumFractionDigits: decimals }).format(n);

/** A value in per cent (134.54) as 134,54% in Vietnamese. */
export const formatPercent = (value: number, decimals = 2): string =>
  new Intl.NumberFormat(locale(), {
    style: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value / 100);

/**
 * Day, month and year as every date on screen writes them: 05/12/2026 in Vietnamese; 5 Dec 2026 in
 * English, whose readers split between day-first and month-first and would misread 05/12.
 */
const dayParts = (): Intl.DateTimeFormatOptions =>
  lang === 'vi'
    ? { day: '2-digit', month: '2-digit', year: 'numeric' }
    : { day: 'numeric', month: 'short', year: 'numeric' };

export const formatDate = (iso: string): string =>
  new Intl.DateTimeFormat(locale(), { ...dayParts(), timeZone: vietnamTimeZone }).format(new Date(iso));

/** A calendar day ("2026-12-06") as written in the language in force, whatever the browser's zone. */
export const formatDay = (day: string): string =>
  new Intl.DateTimeFormat(locale(), { ...dayParts(), timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

export const formatDateTime = (iso: string): string =>
  new Intl.DateTimeFormat(locale(), {
    ...dayParts(),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: vietnamTimeZone,
  }).format(new Date(iso));

export const formatTime = (date: Date): string =>
  new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', timeZone: vietnamTimeZone }).format(
    date,
  );

/** Names joined as a sentence joins them: "A, B và C", "A, B and C". */
export const formatList = (items: readonly string[]): string =>
  new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);

/** An indicator's value as its unit says: a count, a ratio or a per cent. */
export function formatValue(value: number | null, unit: string, decimals: number): string {
  if (value === null) return '—';
  return unit === 'percent' ? formatPercent(value, decimals) : formatCount(value, Math.max(decimals, 0));
}
