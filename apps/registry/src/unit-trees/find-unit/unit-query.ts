// What a search box query asks for: the words of a name, optionally led by a unit type written out
// ("Phường Tân Lập") or abbreviated the way offices write it ("P. Tân Lập", "TX. Buôn Hồ",
// "H. Krông Pắc", "TP.HCM").
import { foldName } from '../../schema/unit-search-name.ts';

/** Unit types by their folded name, longest first so "thi xa" wins over "xa". */
export const unitTypePrefixes = [
  'thanh pho trung uong',
  'thanh pho',
  'thi tran',
  'thi xa',
  'dac khu',
  'phuong',
  'huyen',
  'quan',
  'tinh',
  'xa',
] as const;

// Abbreviations always carry a dot when one letter long: a bare "p" may be the start of a name.
const abbreviations: Readonly<Record<string, string>> = {
  'tp.': 'thanh pho',
  'tp ': 'thanh pho',
  'tx.': 'thi xa',
  'tx ': 'thi xa',
  'tt.': 'thi tran',
  'tt ': 'thi tran',
  'p.': 'phuong',
  'q.': 'quan',
  'h.': 'huyen',
  'x.': 'xa',
  't.': 'tinh',
};

export interface UnitQuery {
  /** The unit type asked for, folded ("phuong"), when the query names or abbreviates one. */
  readonly type?: string;
  /** The name's folded words, without the type. */
  readonly words: readonly string[];
}

export function parseUnitQuery(raw: string): UnitQuery {
  const lowered = raw.normalize('NFC').trim().toLowerCase();
  const abbreviation = Object.keys(abbreviations).find((prefix) => lowered.startsWith(prefix));
  if (abbreviation) {
    const words = foldName(lowered.slice(abbreviation.length)).split(' ').filter(Boolean);
    return { type: abbreviations[abbreviation], words };
  }
  const folded = foldName(lowered);
  const type = unitTypePrefixes.find((prefix) => folded === prefix || folded.startsWith(`${prefix} `));
  const rest = type ? folded.slice(type.length) : folded;
  return { ...(type ? { type } : {}), words: rest.split(' ').filter(Boolean) };
}

/** A folded unit name without its leading type: "phuong tan lap" → "tan lap". */
export function baseName(folded: string): string {
  const type = unitTypePrefixes.find((prefix) => folded.startsWith(`${prefix} `));
  return type ? folded.slice(type.length + 1) : folded;
}
