/**
 * When the downtime pack was last printed, by whom, and which version of each card, shared with the
 * whole practice through the register's settings list in the team's SharePoint site
 * (src/graph/register/registerSettings.ts). Anyone in the team can read it; printing saves it.
 *
 * Two people printing at once: the save is a compare-and-swap with If-Match, and the rule on a
 * conflict is explicit: the later print (by printedAt) wins (domain `laterPrint`), so the record
 * always describes the newest paper copy and is never a mix of two.
 *
 * The settings list is created by setup; a practice set up before it existed gets it on the first
 * print by a team owner. Only when it cannot be read, created or written (no permission, or not set
 * up and the person is not an owner) does the record fall back to this browser (localPrintRecord.ts),
 * and the page says so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { laterPrint, parsePrintRecord, PRINT_RECORD_KEY, type PrintRecord } from '@domain/export';
import { findRegisterSettings, GraphError, openRegisterSettings, provisionRegisterSettings, type RegisterSettings } from '@graph';
import { useGraphClient } from '../../state/ApiContext';
import type { Workspace } from '../../state/workspace';
import { readLocalPrintRecord, writeLocalPrintRecord } from './localPrintRecord';

/** Why the record is kept in this browser only. */
export type LocalReason =
  | { readonly why: 'not-set-up' }
  | { readonly why: 'unreadable' | 'cannot-create' | 'cannot-write'; readonly error: unknown };

export type PrintMemory =
  | { readonly kind: 'loading' }
  | { readonly kind: 'shared'; readonly record: PrintRecord | null }
  | { readonly kind: 'local'; readonly record: PrintRecord | null; readonly reason: LocalReason };

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  /** Not recorded (the print itself went ahead); `record` is what Try again saves. */
  | { readonly kind: 'failed'; readonly error: unknown; readonly record: PrintRecord };

const refused = (error: unknown) => error instanceof GraphError && (error.status === 401 || error.status === 403);

export function useLastPrinted(workspace: Workspace) {
  const client = useGraphClient();
  const { siteId, listId } = workspace.location;
  const knownSettingsId = workspace.settingsId;
  const isOwner = workspace.members.some((member) => member.userId === workspace.me.id && member.roles.includes('owner'));
  const [memory, setMemory] = useState<PrintMemory>({ kind: 'loading' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  /** The settings list (null: not provisioned); rejects when the site's lists cannot be read. */
  const settingsRef = useRef<Promise<RegisterSettings | null>>(Promise.resolve(null));
  /** Bumped by every save, so a slow first read never overwrites a newer saved record. */
  const generation = useRef(0);

  const load = useCallback(() => {
    const started = generation.current;
    setMemory({ kind: 'loading' });
    // The settings list's id was saved with the tab's configuration: no look-up then.
    const settingsId = knownSettingsId ? Promise.resolve(knownSettingsId) : findRegisterSettings(client, siteId);
    const found = settingsId.then((id) => (id === null ? null : openRegisterSettings(client, { siteId, listId: id })));
    found.catch(() => undefined); // handled below and by the save
    settingsRef.current = found;
    void (async () => {
      let next: PrintMemory;
      try {
        const settings = await found;
        const stored = settings ? await settings.read(PRINT_RECORD_KEY) : null;
        next = { kind: 'shared', record: parsePrintRecord(stored?.value ?? null) };
      } catch (error) {
        next = { kind: 'local', record: readLocalPrintRecord(listId), reason: { why: 'unreadable', error } };
      }
      if (generation.current === started) setMemory(next);
    })();
  }, [client, siteId, listId, knownSettingsId]);

  useEffect(load, [load]);

  const keepLocally = useCallback(
    (record: PrintRecord, reason: LocalReason) => {
      writeLocalPrintRecord(listId, record);
      setMemory({ kind: 'local', record, reason });
      setSave({ kind: 'idle' });
    },
    [listId],
  );

  const markPrinted = useCallback(
    async (record: PrintRecord) => {
      generation.current += 1;
      setSave({ kind: 'saving' });
      let settings: RegisterSettings | null;
      try {
        settings = await settingsRef.current;
      } catch (error) {
        return keepLocally(record, { why: 'unreadable', error });
      }
      if (settings === null) {
        if (!isOwner) return keepLocally(record, { why: 'not-set-up' });
        try {
          const created = openRegisterSettings(client, { siteId, listId: await provisionRegisterSettings(client, siteId) });
          settingsRef.current = Promise.resolve(created);
          settings = created;
        } catch (error) {
          if (refused(error)) return keepLocally(record, { why: 'cannot-create', error });
          return setSave({ kind: 'failed', error, record });
        }
      }
      try {
        const { setting } = await settings.update(PRINT_RECORD_KEY, (current) => laterPrint(parsePrintRecord(current), record) ?? undefined);
        setMemory({ kind: 'shared', record: parsePrintRecord(setting?.value ?? null) ?? record });
        setSave({ kind: 'saved' });
      } catch (error) {
        if (refused(error)) return keepLocally(record, { why: 'cannot-write', error });
        setSave({ kind: 'failed', error, record });
      }
    },
    [client, siteId, isOwner, keepLocally],
  );

  const retrySave = useCallback(() => {
    if (save.kind === 'failed') void markPrinted(save.record);
  }, [save, markPrinted]);

  return { memory, save, markPrinted, retrySave, reload: load };
}
