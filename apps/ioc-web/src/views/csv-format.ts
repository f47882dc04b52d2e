// Which Excel the downloaded figures are written for. Excel splits a CSV on the list separator of
// Windows' regional format, not of the dashboard's language: a Vietnamese operator on an English
// Windows (common in offices) needs ',' and '.', and an English reader on a Vietnamese one ';' and
// ','. The screen's language is the first guess; a choice is kept by this browser, so the wall
// screen's or the desk's computer asks once.
import { currentLang, type Lang } from '../i18n/i18n.ts';

/** Named by the Windows language whose Excel reads it. */
export type CsvFormat = Lang;

export const csvFormats: Record<CsvFormat, { readonly separator: string; readonly decimal: string }> = {
  vi: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

const storageKey = 'nhip.csvFormat';

/** The browser's store, absent where the files are checked without one (the unit specs). */
const store = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function csvFormat(): CsvFormat {
  const chosen = store()?.getItem(storageKey);
  return chosen === 'vi' || chosen === 'en' ? chosen : currentLang();
}

export function chooseCsvFormat(format: CsvFormat): void {
  store()?.setItem(storageKey, format);
}
