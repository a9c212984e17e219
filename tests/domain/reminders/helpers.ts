/** Shared builders for the reminder tests, and a checker for "no Markdown can open" in card text. */
import { emptyEntry, type PersonRef, type RegisterEntry } from '../../../src/domain/entry';
import { MARKDOWN_SPECIAL, ZERO_WIDTH_SPACE } from '../../../src/domain/reminders/markdown';
import type { ReminderInput } from '../../../src/domain/reminders/reminderPolicy';

export function person(name: string, entraId = `id-${name.toLowerCase().replace(/\W+/g, '-')}`): PersonRef {
  return { entraId, displayName: name, upn: `${name.toLowerCase().replace(/\W+/g, '.')}@nhs.net` };
}

export const PRIYA = person('Priya Shah', '11111111-1111-1111-1111-111111111111');
export const TOM = person('Tom Reed', '22222222-2222-2222-2222-222222222222');

/** A live entry owned by Priya with no due dates unless `overrides` give some. */
export function entry(overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return { ...emptyEntry(), title: 'EMIS Web', owner: PRIYA, lifecycle: 'live', ...overrides };
}

export function stored(id: string, overrides: Partial<RegisterEntry> = {}): ReminderInput {
  return { id, entry: entry(overrides) };
}

/**
 * Walks `text` as CommonMark reads backslashes: a backslash followed by ASCII punctuation is that
 * literal character. @returns the special characters that appear unescaped (empty = nothing can open).
 */
export function unescapedSpecials(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (char === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text.charAt(i + 1))) {
      i += 1;
      continue;
    }
    if (MARKDOWN_SPECIAL.includes(char)) found.push(char);
  }
  return found;
}

/** What a reader sees once the escapes are read and the invisible separators ignored. */
export function rendered(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1').split(ZERO_WIDTH_SPACE).join('');
}
