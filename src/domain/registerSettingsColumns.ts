/**
 * The columns of the register's settings list ("Digital Services Register Settings"), as Graph
 * `columnDefinition`s: pure data, shared by the Graph layer (src/graph/register/registerSettings.ts, which
 * provisions the list) and the emulator's seeds (which write the same list straight into storage).
 */
import { SINGLE_LINE_MAX } from './registerColumns';

export const REGISTER_SETTINGS_LIST_NAME = 'Digital Services Register Settings';

/** SharePoint's limit for a multi-line plain text value. */
export const SETTING_VALUE_MAX_CHARS = 63_999;

/** Graph `columnDefinition`s for `POST /sites/{site}/lists` (Title is built in). */
export const REGISTER_SETTINGS_COLUMNS: readonly Record<string, unknown>[] = [
  {
    name: 'SettingKey', displayName: 'Setting key', required: false, indexed: true, enforceUniqueValues: true,
    text: { allowMultipleLines: false, maxLength: SINGLE_LINE_MAX },
  },
  {
    name: 'Value', displayName: 'Value (JSON)', required: false, indexed: false, enforceUniqueValues: false,
    text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 },
  },
];
