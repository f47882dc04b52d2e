export { csvLines, decodeUtf8, splitCsvLine } from './csv.ts';
