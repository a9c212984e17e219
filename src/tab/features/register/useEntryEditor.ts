/**
 * The state of one entry form: the draft, validation, and saving with conflict and failure handling.
 *
 * - Nothing is written while `validateEntry` reports a problem; messages show from the first save
 *   attempt on and then update as the user types.
 * - Updates send the eTag the form was opened with (`If-Match`); a `ConflictError` never overwrites:
 *   the user chooses "Keep mine" (save again over the current version) or "Use theirs".
 * - A new entry keeps one `entryKey` for the life of the form, so a retry or a double click cannot
 *   create it twice; a save in flight blocks another.
 * - A failed write keeps the draft untouched and offers Retry.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  emptyEntry,
  hasErrors,
  validateEntry,
  type FieldErrors,
  type LocalDate,
  type RegisterEntry,
  type StoredEntry,
} from '../../../domain';
import { ConflictError } from '../../../graph';
import type { RegisterStore } from '../../../graph/types';
import { ALL_FIELDS, differingFields } from './entryFields';
import { fieldId } from './EntryFieldControl';
import { newEntryKey } from './newEntryKey';

export interface EntryEditorOptions {
  readonly store: RegisterStore;
  readonly today: LocalDate;
  /** The entry being edited, or null for "add a service". */
  readonly initial: StoredEntry | null;
  /** A write succeeded: the form can close and the table show `saved`. */
  readonly onSaved: (saved: StoredEntry) => void;
  /** Someone else's newer version was seen (the table should show it; the form stays open). */
  readonly onSeen: (current: StoredEntry) => void;
  /** The entry was found deleted by someone else. */
  readonly onGone: (id: string) => void;
}

/** `current` is null when the entry was deleted by someone else. */
export interface Conflict {
  readonly current: StoredEntry | null;
}

function focusFirstProblem(errors: FieldErrors) {
  const first = ALL_FIELDS.find((field) => errors[field]);
  if (!first) return;
  // After React has rendered the messages, so the field's description is announced with it.
  requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
}

export function useEntryEditor({ store, today, initial, onSaved, onSeen, onGone }: EntryEditorOptions) {
  const [draft, setDraft] = useState<RegisterEntry>(() => initial?.entry ?? emptyEntry());
  const [base, setBase] = useState<StoredEntry | null>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [entryKey] = useState(newEntryKey);
  const inFlight = useRef(false);

  const errors = useMemo(() => (submitted ? validateEntry(draft, today) : {}), [submitted, draft, today]);

  const change = useCallback((patch: Partial<RegisterEntry>) => setDraft((current) => ({ ...current, ...patch })), []);

  const write = useCallback(
    async (target: StoredEntry | null) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSaving(true);
      setFailure(null);
      try {
        const saved = target ? await store.update(target.id, target.eTag, draft) : await store.create(draft, entryKey);
        setConflict(null);
        onSaved(saved);
      } catch (error) {
        if (!(error instanceof ConflictError)) {
          setFailure(error);
        } else if (error.current && differingFields(error.current.entry, draft).length === 0) {
          // An earlier attempt whose answer was lost already wrote exactly this: that is a success.
          onSaved(error.current);
        } else {
          setConflict({ current: error.current });
          if (error.current) onSeen(error.current);
          else if (target) onGone(target.id);
        }
      } finally {
        inFlight.current = false;
        setSaving(false);
      }
    },
    [store, draft, entryKey, onSaved, onSeen, onGone],
  );

  /** Validates, then writes; with problems it writes nothing and moves focus to the first one. */
  const save = useCallback(() => {
    if (inFlight.current) return;
    setSubmitted(true);
    const problems = validateEntry(draft, today);
    if (hasErrors(problems)) return focusFirstProblem(problems);
    void write(base);
  }, [draft, today, base, write]);

  /** Writes the draft over the version that won (or re-creates it when that version was deleted). */
  const keepMine = useCallback(() => {
    const current = conflict?.current ?? null;
    setBase(current);
    void write(current);
  }, [conflict, write]);

  /** Drops the user's changes and shows the current version in the form. */
  const acceptTheirs = useCallback(() => {
    const current = conflict?.current;
    if (!current) return;
    setDraft(current.entry);
    setBase(current);
    setConflict(null);
  }, [conflict]);

  const retry = useCallback(() => void write(base), [write, base]);

  return { draft, base, errors, submitted, saving, failure, conflict, change, save, keepMine, acceptTheirs, retry };
}
