/**
 * Resolving a conflict field by field: which version of each differing field to keep, and the entry
 * that results. Pure, so the rules are unit-tested without a browser.
 *
 * The suggested choice is a three-way merge against the version the form was opened with (`base`):
 * a field only they changed suggests theirs, a field you changed suggests yours, so accepting the
 * suggestions loses nobody's work. The user sees every differing field and can change any choice.
 */
import type { RegisterEntry } from '@domain';
import { differingFields, type EntryField } from './entryFields';

export type Side = 'theirs' | 'yours';
export type FieldChoices = Partial<Record<EntryField, Side>>;

/**
 * @param base the entry as the form first read it, or null when unknown (every differing field then suggests yours).
 * @returns a choice for every field that differs between `theirs` and `yours`.
 */
export function suggestedChoices(base: RegisterEntry | null, theirs: RegisterEntry, yours: RegisterEntry): FieldChoices {
  const choices: FieldChoices = {};
  for (const field of differingFields(theirs, yours)) {
    const youChangedIt = base === null || differingFields(base, yours).includes(field);
    choices[field] = youChangedIt ? 'yours' : 'theirs';
  }
  return choices;
}

/** Every differing field set to one side ("Keep all mine" / "Use all theirs"). */
export function allChoices(theirs: RegisterEntry, yours: RegisterEntry, side: Side): FieldChoices {
  return Object.fromEntries(differingFields(theirs, yours).map((field) => [field, side])) as FieldChoices;
}

/**
 * The entry to save: theirs, with each field chosen as 'yours' taken from yours. A differing field
 * with no choice keeps theirs (the saved version wins unless the user says otherwise).
 */
export function mergeChoices(theirs: RegisterEntry, yours: RegisterEntry, choices: FieldChoices): RegisterEntry {
  const merged: Record<string, unknown> = { ...theirs };
  for (const field of differingFields(theirs, yours)) {
    if (choices[field] === 'yours') merged[field] = yours[field];
  }
  return merged as unknown as RegisterEntry;
}
