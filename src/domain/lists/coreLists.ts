/**
 * The two lists the register has always had, as ListDefinitions: the register itself and its
 * settings list (which also keeps the audit log and the "team members seen" record).
 */
import { REGISTER_COLUMNS, REGISTER_LIST_NAME } from '../registerColumns';
import { REGISTER_SETTINGS_LIST_NAME } from '../registerSettingsColumns';
import type { ListDefinition } from './listDefinition';

export const REGISTER_LIST: ListDefinition = { name: REGISTER_LIST_NAME, columns: REGISTER_COLUMNS };

/**
 * The same two columns as REGISTER_SETTINGS_COLUMNS (registerSettingsColumns.ts, which the emulator's
 * seeds write straight into storage), in the one column type every list uses: SettingKey is unique
 * and indexed (filtered on; two people creating one setting cannot make two items), Value is JSON.
 */
export const REGISTER_SETTINGS_LIST: ListDefinition = {
  name: REGISTER_SETTINGS_LIST_NAME,
  description: "The Digital Services Register's shared settings, e.g. when the downtime pack was last printed. Written by the register tab.",
  columns: [
    { name: 'SettingKey', displayName: 'Setting key', kind: 'text', indexed: true, enforceUniqueValues: true },
    { name: 'Value', displayName: 'Value (JSON)', kind: 'note' },
  ],
};
