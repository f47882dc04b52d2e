// Folding a Vietnamese unit name the way people type it: no diacritics, đ as d, lower case, words
// separated by single spaces, apostrophes dropped ("Ea H'leo" is typed "ea hleo"). The same fold runs
// in PostgreSQL (the rm_units.search_name generated column) and here on the query; an integration
// spec folds every official name both ways and compares them.
import { foldLabel } from '@nhip/csv';

/** Every Vietnamese letter with a diacritic, lower then upper case, and what it folds to. */
export const foldedLetters = {
  from:
    'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ' +
    'ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ',
  to:
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd' +
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd',
} as const;

/**
 * A name or a query as search compares it: "Thành phố Buôn Ma Thuột" → "thanh pho buon ma thuot".
 * The spreadsheet-label fold of libs/csv, with apostrophes dropped first, not read as word breaks.
 */
export const foldName = (text: string): string => foldLabel(text.replace(/['’]/g, ''));

/** First letters of a folded name's words: "thanh pho ho chi minh" → "tphcm". */
export function initialsOf(folded: string): string {
  return folded
    .split(' ')
    .map((word) => word.charAt(0))
    .join('');
}

/**
 * foldName as a PostgreSQL expression over a text column: what rm_units.search_name is generated
 * from, so names are folded once when written, not at every keystroke of a search.
 */
export function foldNameSql(column: string): string {
  const folded = `lower(translate(normalize(${column}, NFC), '${foldedLetters.from}', '${foldedLetters.to}'))`;
  return `btrim(regexp_replace(regexp_replace(${folded}, '[''’]', '', 'g'), '[^a-z0-9]+', ' ', 'g'))`;
}
