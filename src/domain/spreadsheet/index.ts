/** Spreadsheet import and export rules: pure text in, values and problems out. */
export { FORMULA_TRIGGER, UTF8_BOM, csvField, neutraliseCell, restoreNeutralisedCell, toCsv, type CsvOptions } from './cellSafety';
export { detectDelimiter, parseCsv, type CsvParseOptions, type CsvParseResult } from './csvParse';
export { parseUkDate, type DateParse } from './dateParsing';
export { cellsByField, headerMatcherFor, matchHeaders, type HeaderMatch, type MatchConfidence } from './headerMatching';
export { IMPORT_FIELDS, IMPORT_FIELD_LABELS, IMPORT_TARGETS, normaliseWords, type ImportCells, type ImportField } from './importFields';
export {
  findDuplicates,
  parseImportRow,
  titleKey,
  type DuplicateTitle,
  type Landing,
  type ParsedRow,
  type PersonHint,
  type RowProblem,
} from './rowParsing';
export { MAX_CELL_CHARS, MAX_IMPORT_ROWS, fingerprintSheet, importEntryKey, type SheetData, type SheetRead, type SheetRow } from './sheetData';
export {
  columnCount,
  columnLetter,
  columnName,
  defaultMapping,
  guessHeaderRow,
  planImport,
  type CellLanding,
  type HeaderGuess,
  type PlanInput,
  type PlannedRow,
  type RowDuplicate,
  type RowState,
} from './importPlan';
export {
  accountCells,
  decideImport,
  defaultChoice,
  describeAccount,
  describeRowCells,
  entryWithPeople,
  peopleHints,
  type CellAccount,
  type DecisionOptions,
  type DuplicateChoice,
  type RowDecision,
} from './importDecisions';
export { mergeEntries, sameEntry } from './entryMerge';
export { describeLanding } from './columnLanding';
export { contactParts, type ContactParts } from './contactText';
export { describeMatch, hintKey, matchPerson, personRefOf, type PersonMatch } from './ownerMatching';
