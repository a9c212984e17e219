/**
 * The state of one entry form: the draft, validation, and saving with conflict and failure handling.
 *
 * - Nothing is written while `validateEntry` reports a problem; messages show from the first save
 *   attempt on and then update as the user types.
 * - Updates send the eTag of the version the draft is based on (`If-Match`); a `ConflictError` never
 *   overwrites: the user keeps all of theirs, takes the newer version, or chooses field by field,
 *   and the result is saved over the newer version's eTag (a second conflict starts the same again).
 * - A new entry keeps one `entryKey` for the life of the form, so a retry or a double click cannot
 *   create it twice; a save in flight blocks another.
 * - A failed write keeps the draft untouched and offers Retry of exactly the same write. While the
 *   Graph client waits out throttling, `waitText` says so ("SharePoint is busy. Trying again in 20 seconds…").
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  emptyEntry,
  hasErrors,
  markReviewed,
  retireEntry,
  validateEntry,
  type FieldErrors,
  type LocalDate,
  type RegisterEntry,
  type StoredEntry,
} from '@domain';
import { ConflictError } from '@graph';
import type { RegisterStore } from '@graph';
import { useRetryWaits } from '../../state/ApiContext';
import { retryWaitText } from '../../state/retryWaits';
import { mergeChoices, type FieldChoices } from './conflictMerge';
import { ALL_FIELDS, differingFields } from './entryFields';
import { fieldId } from './EntryFieldControl';
import { newEntryKey } from './newEntryKey';

/** What a write was for: the words of the undo toast and the busy button depend on it. */
export type SaveAction = 'save' | 'review' | 'retire';

export interface SavedChange {
  /** The version this write replaced, or null when it created the entry. */
  readonly previous: StoredEntry | null;
  readonly action: SaveAction;
}

export interface EntryEditorOptions {
  readonly store: RegisterStore;
  readonly today: LocalDate;
  /** Who "Mark reviewed" records as the reviewer. */
  readonly reviewerName: string;
  /** The entry being edited, or null for "add a service". */
  readonly initial: StoredEntry | null;
  /** A write succeeded: the form can close and the table show `saved`. */
  readonly onSaved: (saved: StoredEntry, change: SavedChange) => void;
  /** Someone else's newer version was seen (the table should show it; the form stays open). */
  readonly onSeen: (current: StoredEntry) => void;
  /** The entry was found deleted by someone else. */
  readonly onGone: (id: string) => void;
}

/**
 * `current` is the newer version (null when someone deleted the entry); `base` is the entry the
 * draft was based on, for suggesting which side of each field to keep.
 */
export interface Conflict {
  readonly current: StoredEntry | null;
  readonly base: RegisterEntry | null;
}

interface Attempt {
  readonly target: StoredEntry | null;
  readonly entry: RegisterEntry;
  readonly action: SaveAction;
}

function focusFirstProblem(errors: FieldErrors) {
  const first = ALL_FIELDS.find((field) => errors[field]);
  if (!first) return;
  // After React has rendered the messages, so the field's description is announced with it.
  requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
}

export function useEntryEditor({ store, today, reviewerName, initial, onSaved, onSeen, onGone }: EntryEditorOptions) {
  const [draft, setDraft] = useState<RegisterEntry>(() => initial?.entry ?? emptyEntry());
  const [base, setBase] = useState<StoredEntry | null>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState<SaveAction | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [waitText, setWaitText] = useState<string | null>(null);
  const [entryKey] = useState(newEntryKey);
  const inFlight = useRef(false);
  const lastAttempt = useRef<Attempt | null>(null);

  useRetryWaits((wait) => {
    if (inFlight.current) setWaitText(retryWaitText(wait.waitMs));
  });

  const errors = useMemo(() => (submitted ? validateEntry(draft, today) : {}), [submitted, draft, today]);

  const change = useCallback((patch: Partial<RegisterEntry>) => setDraft((current) => ({ ...current, ...patch })), []);

  const write = useCallback(
    async (attempt: Attempt) => {
      if (inFlight.current) return;
      inFlight.current = true;
      lastAttempt.current = attempt;
      const { target, entry, action } = attempt;
      setSaving(action);
      setFailure(null);
      setWaitText(null);
      try {
        const saved = target ? await store.update(target.id, target.eTag, entry) : await store.create(entry, entryKey);
        setConflict(null);
        onSaved(saved, { previous: target, action });
      } catch (error) {
        if (!(error instanceof ConflictError)) {
          setFailure(error);
        } else if (error.current && differingFields(error.current.entry, entry).length === 0) {
          // An earlier attempt whose answer was lost already wrote exactly this: that is a success.
          onSaved(error.current, { previous: target, action });
        } else {
          setConflict({ current: error.current, base: target?.entry ?? null });
          if (error.current) onSeen(error.current);
          else if (target) onGone(target.id);
        }
      } finally {
        inFlight.current = false;
        setSaving(null);
        setWaitText(null);
      }
    },
    [store, entryKey, onSaved, onSeen, onGone],
  );

  /** Validates `entry` (shown in the form), then writes it; with problems it writes nothing and focuses the first. */
  const validateAndWrite = useCallback(
    (entry: RegisterEntry, action: SaveAction) => {
      if (inFlight.current) return;
      setDraft(entry);
      setSubmitted(true);
      const problems = validateEntry(entry, today);
      if (hasErrors(problems)) return focusFirstProblem(problems);
      void write({ target: base, entry, action });
    },
    [today, base, write],
  );

  const save = useCallback(() => validateAndWrite(draft, 'save'), [validateAndWrite, draft]);

  /**
   * Records a review today by the signed-in person (with any other edits in the form, and `patch`:
   * the review questions' line in the notes) and saves.
   */
  const review = useCallback(
    (patch: Partial<RegisterEntry> = {}) => validateAndWrite(markReviewed({ ...draft, ...patch }, reviewerName, today), 'review'),
    [validateAndWrite, draft, reviewerName, today],
  );

  /** Marks the service retired (keeping every other field) and saves. */
  const retire = useCallback(() => validateAndWrite(retireEntry(draft), 'retire'), [validateAndWrite, draft]);

  /** Writes the draft over the version that won (or re-creates it when that version was deleted). */
  const keepMine = useCallback(() => {
    const current = conflict?.current ?? null;
    setBase(current);
    void write({ target: current, entry: draft, action: lastAttempt.current?.action ?? 'save' });
  }, [conflict, write, draft]);

  /** Saves theirs with the fields the user chose from theirs and from yours, over the newer version. */
  const saveChoices = useCallback(
    (choices: FieldChoices) => {
      const current = conflict?.current;
      if (!current) return;
      const merged = mergeChoices(current.entry, draft, choices);
      setDraft(merged);
      setBase(current);
      void write({ target: current, entry: merged, action: lastAttempt.current?.action ?? 'save' });
    },
    [conflict, write, draft],
  );

  /** Drops the user's changes and shows the newer version in the form (nothing to save: it is saved). */
  const acceptTheirs = useCallback(() => {
    const current = conflict?.current;
    if (!current) return;
    setDraft(current.entry);
    setBase(current);
    setConflict(null);
  }, [conflict]);

  /** The same write again (same target eTag, same entry key), so a retry cannot duplicate or overwrite. */
  const retry = useCallback(() => {
    if (lastAttempt.current) void write(lastAttempt.current);
  }, [write]);

  return {
    draft, base, errors, submitted, saving, failure, conflict, waitText,
    change, save, review, retire, keepMine, saveChoices, acceptTheirs, retry,
  };
}
