/**
 * The register's audit log of owner changes, deletions and imports (src/domain/audit.ts), kept as
 * items of the register's settings list (registerSettings.ts), one item per change under the key
 * `audit:{id}`. The settings list already has exactly the register's readers and writers and keeps
 * SharePoint versions of every item, so an edited record still shows who edited it in SharePoint.
 * A resolution (undone / kept) replaces the record's value with If-Match, so two managers resolving
 * the same change at once cannot both win.
 */
import type { AuditRecord, AuditResolution } from '@domain';
import type { GraphClient } from '../client';
import { openRegisterSettings, type SettingsLocation } from './registerSettings';

const PREFIX = 'audit:';

export interface AuditLog {
  /** Every record, newest first. */
  list(): Promise<AuditRecord[]>;
  /** Records a change. @throws GraphError / NetworkError (the change itself is already made). */
  add(record: AuditRecord): Promise<void>;
  /** @returns the record as stored afterwards, or null when someone else resolved it first. */
  resolve(recordId: string, resolution: AuditResolution): Promise<AuditRecord | null>;
}

function isRecord(value: unknown): value is AuditRecord {
  const record = value as Partial<AuditRecord> | null;
  return !!record && typeof record.id === 'string' && typeof record.kind === 'string' && typeof record.at === 'string' && !!record.by;
}

export function openAuditLog(client: GraphClient, location: SettingsLocation): AuditLog {
  const settings = openRegisterSettings(client, location);
  return {
    async list() {
      const stored = await settings.readAll(PREFIX);
      return stored.map((setting) => setting.value).filter(isRecord).sort((a, b) => b.at.localeCompare(a.at));
    },
    async add(record) {
      await settings.write(`${PREFIX}${record.id}`, record, null);
    },
    async resolve(recordId, resolution) {
      const { setting, written } = await settings.update(`${PREFIX}${recordId}`, (current) =>
        isRecord(current) && current.resolved === undefined ? { ...current, resolved: resolution } : undefined,
      );
      return written && isRecord(setting?.value) ? setting.value : null;
    },
  };
}
