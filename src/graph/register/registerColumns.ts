/** The register's columns are pure data (src/domain/registerColumns.ts): the Graph layer and the emulator's seeds share them. */
export {
  NOTE_COLUMN_MAX,
  REGISTER_COLUMNS,
  REGISTER_FIELD_NAMES,
  REGISTER_LIST_NAME,
  SINGLE_LINE_MAX,
  toColumnDefinition,
  type ColumnKind,
  type RegisterColumn,
} from '@domain';
