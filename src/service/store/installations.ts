/**
 * Where the bot is installed: one entity per team, written only by the bot endpoint from activities
 * Teams sent it (and authenticated), and by the run when the Bot Connector says the bot is no longer
 * in the team (BotNotInConversationRoster). PartitionKey 'installation', RowKey = the team's group id.
 */
import type { TableClient } from '@azure/data-tables';
import { isMissingTable, storageStatus } from './tables';

const PARTITION = 'installation';

export type InstallationStatus = 'installed' | 'removed';

export interface Installation {
  /** The team's Microsoft 365 group id (Graph team id). */
  readonly teamId: string;
  readonly teamName: string;
  /** The channel the digest goes to: the one chosen at install, else the General channel. */
  readonly channelId: string;
  readonly tenantId: string;
  /** The Bot Connector address Teams gave with the install (already checked against the allowed hosts). */
  readonly serviceUrl: string;
  /** Entra object id of whoever installed the app, when Teams said. */
  readonly installedBy: string;
  readonly installedAt: string;
  readonly status: InstallationStatus;
  readonly removedAt?: string;
  /** Why it was marked removed: 'uninstalled', 'team deleted', 'BotNotInConversationRoster'. */
  readonly removedReason?: string;
  /** The practice's site and register when known (the emulator's seeds give them; production looks them up). */
  readonly siteId?: string;
  readonly listId?: string;
  /** The register's settings list (it keeps the audit log of owner changes, deletions, imports), when known. */
  readonly settingsId?: string;
  readonly updatedAt: string;
}

type Entity = Installation & { partitionKey: string; rowKey: string };

function fromEntity(entity: Record<string, unknown>): Installation {
  const text = (name: string) => (typeof entity[name] === 'string' ? (entity[name] as string) : '');
  const optional = (name: string) => (typeof entity[name] === 'string' && entity[name] !== '' ? (entity[name] as string) : undefined);
  return {
    teamId: String(entity.rowKey), teamName: text('teamName'), channelId: text('channelId'), tenantId: text('tenantId'), serviceUrl: text('serviceUrl'),
    installedBy: text('installedBy'), installedAt: text('installedAt'), status: text('status') === 'removed' ? 'removed' : 'installed',
    removedAt: optional('removedAt'), removedReason: optional('removedReason'), siteId: optional('siteId'), listId: optional('listId'), settingsId: optional('settingsId'), updatedAt: text('updatedAt'),
  };
}

export class InstallationStore {
  constructor(private readonly table: TableClient) {}

  /** Records (or re-records) an install: a reinstall replaces the removed record. */
  async install(install: Omit<Installation, 'status' | 'updatedAt' | 'removedAt' | 'removedReason'>, at: Date): Promise<Installation> {
    const record: Installation = { ...install, status: 'installed', updatedAt: at.toISOString() };
    const entity: Entity = { partitionKey: PARTITION, rowKey: install.teamId, ...record };
    await this.table.upsertEntity(stripUndefined(entity), 'Replace');
    return record;
  }

  /** @returns the installation, or null when the bot was never installed there. */
  async get(teamId: string): Promise<Installation | null> {
    try {
      return fromEntity((await this.table.getEntity(PARTITION, teamId)) as Record<string, unknown>);
    } catch (error) {
      if (storageStatus(error) === 404) return null;
      throw error;
    }
  }

  /** Every installation, removed ones included (a fresh account has none). */
  async list(): Promise<Installation[]> {
    const out: Installation[] = [];
    try {
      for await (const entity of this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${PARTITION}'` } })) out.push(fromEntity(entity as Record<string, unknown>));
    } catch (error) {
      if (isMissingTable(error)) return [];
      throw error;
    }
    return out;
  }

  /** Marks it removed (uninstall, team deleted, bot no longer in the roster). A missing record is left missing. */
  async markRemoved(teamId: string, reason: string, at: Date): Promise<void> {
    try {
      await this.table.updateEntity({ partitionKey: PARTITION, rowKey: teamId, status: 'removed', removedAt: at.toISOString(), removedReason: reason, updatedAt: at.toISOString() }, 'Merge');
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
  }

  /**
   * Remembers (or with nulls, forgets) where the practice's site, register and settings list are, so
   * later runs need not look. `settingsId` undefined leaves what is remembered of it alone.
   */
  async rememberLists(teamId: string, siteId: string | null, listId: string | null, settingsId?: string | null): Promise<void> {
    const settings = settingsId === undefined ? {} : { settingsId: settingsId ?? '' };
    try {
      await this.table.updateEntity({ partitionKey: PARTITION, rowKey: teamId, siteId: siteId ?? '', listId: listId ?? '', ...settings }, 'Merge');
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
  }

  /** Keeps the team's name current (teamRenamed). */
  async rename(teamId: string, teamName: string, at: Date): Promise<void> {
    try {
      await this.table.updateEntity({ partitionKey: PARTITION, rowKey: teamId, teamName, updatedAt: at.toISOString() }, 'Merge');
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
  }
}

/** Table Storage refuses undefined property values; absent optional fields are simply not written. */
export function stripUndefined<T extends object>(entity: T): T {
  return Object.fromEntries(Object.entries(entity).filter(([, value]) => value !== undefined)) as T;
}
