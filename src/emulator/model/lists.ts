/**
 * SharePoint lists and their columns, as stored. A list records the team whose site owns it (for
 * the 403 rule), its custom columns, the next item id and a change sequence for delta.
 */
import { fail } from '../errors';
import type { IdentitySet } from './user';

export interface ColumnDoc {
  id: string;
  name: string;
  displayName: string;
  description: string;
  required: boolean;
  indexed: boolean;
  enforceUniqueValues: boolean;
  hidden: boolean;
  readOnly: boolean;
  columnGroup: string;
  text?: { allowMultipleLines: boolean; maxLength?: number; textType?: string; linesForEditing?: number };
  choice?: { allowTextEntry: boolean; choices: string[]; displayAs: string };
  dateTime?: { displayAs: string; format: 'dateOnly' | 'dateTime' };
  number?: { decimalPlaces?: string; minimum?: number; maximum?: number };
  boolean?: Record<string, never>;
}

export interface ListDoc {
  id: string;
  siteId: string;
  teamId: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: IdentitySet;
  /** Custom columns; built-ins come from `builtInColumns()`. */
  columns: ColumnDoc[];
  nextItemId: number;
  /** Bumped on every item write or delete; delta tokens carry it. */
  changeSeq: number;
  /** Changes when delta history is reset, so older tokens answer 410. */
  epoch: string;
}

export const COLUMN_TYPES = ['text', 'choice', 'dateTime', 'number', 'boolean'] as const;
const UNSUPPORTED_TYPES = ['personOrGroup', 'lookup', 'currency', 'calculated', 'hyperlinkOrPicture', 'term', 'geolocation', 'thumbnail', 'contentApprovalStatus'];

function column(id: string, name: string, displayName: string, extra: Partial<ColumnDoc>): ColumnDoc {
  return {
    id, name, displayName, description: '', required: false, indexed: false, enforceUniqueValues: false,
    hidden: false, readOnly: false, columnGroup: 'Custom Columns', ...extra,
  };
}

/** The columns every generic list has. `ID` is indexed (SharePoint indexes it); the others are not. */
export function builtInColumns(): ColumnDoc[] {
  return [
    column('fa564e0f-0c70-4ab9-b863-0177e6ddd247', 'Title', 'Title', { columnGroup: 'Custom Columns', text: { allowMultipleLines: false, maxLength: 255 } }),
    column('1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'ID', { readOnly: true, indexed: true, columnGroup: '_Hidden', number: {} }),
    column('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', { readOnly: true, columnGroup: '_Hidden', dateTime: { displayAs: 'default', format: 'dateTime' } }),
    column('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', { readOnly: true, columnGroup: '_Hidden', dateTime: { displayAs: 'default', format: 'dateTime' } }),
  ];
}

export function allColumns(list: ListDoc): ColumnDoc[] {
  return [...builtInColumns(), ...list.columns];
}

/** The column named `name` (case-sensitive, like SharePoint internal names; `id` means ID). */
export function findColumn(list: ListDoc, name: string): ColumnDoc | undefined {
  const wanted = name === 'id' ? 'ID' : name;
  return allColumns(list).find((c) => c.name === wanted);
}

/**
 * A Graph `columnDefinition` from a create request.
 * @throws GraphHttpError 400 for a missing name or a column type the emulator does not implement.
 */
export function columnFromDefinition(definition: unknown, id: string): ColumnDoc {
  if (typeof definition !== 'object' || definition === null) throw fail.invalidRequest('A column definition must be an object.');
  const d = definition as Record<string, unknown>;
  if (typeof d.name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(d.name)) throw fail.invalidRequest('A column needs a name of letters, digits and underscores.');
  const types = COLUMN_TYPES.filter((type) => typeof d[type] === 'object' && d[type] !== null);
  const unsupported = UNSUPPORTED_TYPES.find((type) => d[type] !== undefined);
  if (unsupported) throw fail.notImplemented(`The emulator does not implement '${unsupported}' columns.`);
  if (types.length !== 1) throw fail.invalidRequest(`Column '${d.name}' must have exactly one type facet (${COLUMN_TYPES.join(', ')}).`);
  const type = types[0] as (typeof COLUMN_TYPES)[number];
  const facet = d[type] as Record<string, unknown>;
  const base = column(id, d.name, typeof d.displayName === 'string' ? d.displayName : d.name, {
    description: typeof d.description === 'string' ? d.description : '',
    required: d.required === true,
    indexed: d.indexed === true,
    enforceUniqueValues: d.enforceUniqueValues === true,
    hidden: d.hidden === true,
  });
  switch (type) {
    case 'text': {
      const multi = facet.allowMultipleLines === true;
      const max = typeof facet.maxLength === 'number' ? Math.min(facet.maxLength, 255) : 255;
      return { ...base, text: multi ? { allowMultipleLines: true, textType: String(facet.textType ?? 'plain') } : { allowMultipleLines: false, maxLength: max } };
    }
    case 'choice':
      if (!Array.isArray(facet.choices) || facet.choices.some((c) => typeof c !== 'string'))
        throw fail.invalidRequest(`Choice column '${d.name}' needs a list of choices.`);
      return { ...base, choice: { allowTextEntry: facet.allowTextEntry === true, choices: facet.choices as string[], displayAs: String(facet.displayAs ?? 'dropDownMenu') } };
    case 'dateTime':
      return { ...base, dateTime: { displayAs: String(facet.displayAs ?? 'default'), format: facet.format === 'dateOnly' ? 'dateOnly' : 'dateTime' } };
    case 'number':
      return { ...base, number: { ...(facet as ColumnDoc['number']) } };
    case 'boolean':
      return { ...base, boolean: {} };
  }
}
