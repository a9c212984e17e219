/** Spreadsheet import and export rules: pure text in, values and problems out. */
export { FORMULA_TRIGGER, UTF8_BOM, csvField, neutraliseCell, restoreNeutralisedCell, toCsv, type CsvOptions } from './cellSafety';
export { detectDelimiter, parseCsv, type CsvParseOptions, type CsvParseResult } from './csvParse';
export { parseUkDate, type DateParse } from './dateParsing';
export { cellsByField, matchHeaders, type HeaderMatch, type MatchConfidence } from './headerMatching';
export { IMPORT_FIELDS, IMPORT_FIELD_LABELS, normaliseWords, type ImportCells, type ImportField } from './importFields';
export {
  findDuplicates,
  parseImportRow,
  titleKey,
  type DuplicateTitle,
  type ParsedRow,
  type PersonHint,
  type RowProblem,
} from './rowParsing';
