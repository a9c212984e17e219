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
export { MAX_CELL_CHARS, MAX_IMPORT_ROWS, fingerprintSheet, importEntryKey, type SheetData, type SheetRead, type SheetRow } from './sheetData';
export {
  defaultDecision,
  entryWithPeople,
  guessHeaderRow,
  peopleHints,
  planImport,
  type HeaderGuess,
  type PlanInput,
  type PlannedRow,
  type RowDecision,
  type RowState,
} from './importPlan';
export { describeMatch, hintKey, matchPerson, personRefOf, type PersonMatch } from './ownerMatching';
