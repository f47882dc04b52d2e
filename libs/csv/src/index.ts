export { csvLines, decodeUtf8, splitCsvLine } from './csv.ts';
export {
  foldLabel,
  readSheet,
  separatorOf,
  vietnameseDate,
  vietnameseInstant,
  type SheetRow,
} from './sheet.ts';
