/**
 * What each register field is called in messages, forms and error summaries: the schema's labels
 * (schema/registerSchema.ts), which are also the SharePoint column display names, so the list and
 * the tab say the same thing.
 */
import type { RegisterEntry } from './entry';
import { labelsOf } from './schema/fieldSchema';
import { REGISTER_SCHEMA } from './schema/registerSchema';

export const FIELD_LABELS: Readonly<Record<keyof RegisterEntry, string>> = labelsOf(REGISTER_SCHEMA);
