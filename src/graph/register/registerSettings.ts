/**
 * The register's shared settings: a third SharePoint list in the practice team's site,
 * "Digital Services Register Settings", one item per setting. Title and SettingKey hold the key
 * (SettingKey is unique and indexed: two people creating the same setting at once cannot make two
 * items, and it can be filtered on); Value holds the setting as JSON in a multi-line plain text
 * column (up to 63,999 characters).
 *
 * Why a list, not something else: the register's readers and writers already have exactly this
 * access (Sites.Selected on the team's site covers every list in it, so no new permission), every
 * member of the team can read it, items carry eTags for If-Match, and SharePoint keeps versions.
 * A hidden item in the register itself would show up in every register query, the delta feed and
 * exports; list or site property bags are not reachable through Graph; open extensions do not
 * exist for sites or lists.
 *
 * Every write replaces the whole value with If-Match (or creates the item, guarded by the unique
 * key), so two writers never mix their values: the loser gets a conflict and decides again with
 * what is there now (`update`).
 */
import type { GraphClient } from '../client';
import { isAmbiguousFailure, escapeODataString, pathSegment, queryString, NON_INDEXED_QUERIES, pageAll } from '../client';
import { eTagOf, type ListItem } from './listItems';
import { REGISTER_SETTINGS_LIST } from '@domain/lists';
import { SETTING_VALUE_MAX_CHARS } from '@domain';
import { mergeTeamMembersSeen, parseTeamMembersSeen, personKey, TEAM_MEMBERS_SEEN_SETTING } from '@domain/people';
import { findOrProvisionList, findPracticeListIds, isConflict } from '../lists';

export { REGISTER_SETTINGS_COLUMNS, REGISTER_SETTINGS_LIST_NAME, SETTING_VALUE_MAX_CHARS } from '@domain';

const FIELDS = 'Title,SettingKey,Value';
const EXPAND = `fields(select=${FIELDS})`;

export interface SettingsLocation {
  readonly siteId: string;
  readonly listId: string;
}

export interface StoredSetting {
  readonly itemId: string;
  /** The item's eTag exactly as Graph gave it: the If-Match of the next write. */
  readonly eTag: string;
  readonly key: string;
  /** The parsed JSON value; null when the text is empty or not JSON (edited by hand in SharePoint). */
  readonly value: unknown;
}

export interface RegisterSettings {
  /** @returns the setting, or null when it has never been written. @throws GraphError / NetworkError. */
  read(key: string): Promise<StoredSetting | null>;
  /**
   * Writes `value` if the setting is still as `expected` was read: creates it when `expected` is
   * null, otherwise replaces it with If-Match: expected.eTag.
   * @returns the stored setting, or null when someone else changed (412) or created (409) it first:
   *   nothing was written. @throws Error when the JSON is longer than 63,999 characters; GraphError / NetworkError.
   */
  write(key: string, value: unknown, expected: StoredSetting | null): Promise<StoredSetting | null>;
  /**
   * Compare-and-swap: reads the setting, asks `decide` for the new value (undefined = keep what is
   * there) and writes it with If-Match; on a conflict reads again and asks again, up to `attempts`.
   * @returns what is stored afterwards and whether this call wrote it.
   * @throws Error after `attempts` conflicts in a row; GraphError / NetworkError.
   */
  update(key: string, decide: (current: unknown) => unknown, attempts?: number): Promise<{ setting: StoredSetting | null; written: boolean }>;
  /** Every setting whose key starts with `prefix` (one query of the list, paged). @throws GraphError / NetworkError. */
  readAll(prefix: string): Promise<StoredSetting[]>;
}

/** @returns the settings list's id, or null when it has not been provisioned. */
export async function findRegisterSettings(client: GraphClient, siteId: string): Promise<string | null> {
  return (await findPracticeListIds(client, siteId)).get(REGISTER_SETTINGS_LIST.name) ?? null;
}

/**
 * Creates the settings list, or finds the one already there (findOrProvisionList). Call it beside
 * `provisionRegister`; needs the same rights (a team owner, and a site grant that can manage lists).
 * @returns the list id.
 */
export async function provisionRegisterSettings(client: GraphClient, siteId: string): Promise<string> {
  return (await findOrProvisionList(client, siteId, REGISTER_SETTINGS_LIST)).id;
}

function parseValue(text: unknown): unknown {
  if (typeof text !== 'string' || text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function toSetting(item: ListItem): StoredSetting {
  const fields = (item.fields ?? {}) as Record<string, unknown>;
  return { itemId: item.id, eTag: eTagOf(item), key: String(fields.SettingKey ?? fields.Title ?? ''), value: parseValue(fields.Value) };
}

export function openRegisterSettings(client: GraphClient, location: SettingsLocation): RegisterSettings {
  const items = `/sites/${pathSegment(location.siteId)}/lists/${pathSegment(location.listId)}/items`;
  const itemUrl = (id: string) => `${items}/${pathSegment(id)}`;

  async function read(key: string): Promise<StoredSetting | null> {
    const filter = `fields/SettingKey eq '${escapeODataString(key)}'`;
    const found = await pageAll<ListItem>(client, `${items}${queryString({ $filter: filter, expand: EXPAND, $top: 2 })}`, [], NON_INDEXED_QUERIES);
    return found[0] ? toSetting(found[0]) : null;
  }

  /** After a write whose outcome is unknown: it landed if the setting now holds exactly our text. */
  async function landed(key: string, text: string): Promise<StoredSetting | null> {
    const now = await read(key);
    return now && JSON.stringify(now.value) === text ? now : null;
  }

  async function write(key: string, value: unknown, expected: StoredSetting | null): Promise<StoredSetting | null> {
    const text = JSON.stringify(value);
    if (text.length > SETTING_VALUE_MAX_CHARS) throw new Error(`The setting "${key}" is too large to store (${text.length} characters; the limit is ${SETTING_VALUE_MAX_CHARS}).`);
    try {
      if (expected === null) {
        const created = (await client.api(items).post({ fields: { Title: key, SettingKey: key, Value: text } })) as ListItem;
        return { itemId: created.id, eTag: eTagOf(created), key, value: JSON.parse(text) as unknown };
      }
      await client.api(`${itemUrl(expected.itemId)}/fields`).header('If-Match', expected.eTag).patch({ Value: text });
      // The next If-Match is the item's eTag, read back; the PATCH answer's fields@odata.etag is another format.
      const eTag = eTagOf((await client.api(itemUrl(expected.itemId)).get()) as ListItem);
      return { ...expected, eTag, value: JSON.parse(text) as unknown };
    } catch (error) {
      // A retried write may have landed the first time (then its retry sees 409/412): re-read.
      if (isAmbiguousFailure(error)) {
        const now = await landed(key, text);
        if (now) return now;
        if (isConflict(error)) return null;
        throw error;
      }
      if (isConflict(error)) return null;
      throw error;
    }
  }

  return {
    read,
    write,
    async readAll(prefix) {
      const all = await pageAll<ListItem>(client, `${items}${queryString({ expand: EXPAND, $top: 500 })}`);
      return all.map(toSetting).filter((setting) => setting.key.startsWith(prefix));
    },
    async update(key, decide, attempts = 5) {
      for (let attempt = 0; attempt < attempts; attempt++) {
        const current = await read(key);
        const next = decide(current?.value ?? null);
        if (next === undefined) return { setting: current, written: false };
        const stored = await write(key, next, current);
        if (stored) return { setting: stored, written: true };
      }
      throw new Error(`The setting "${key}" kept changing while it was being saved; try again.`);
    },
  };
}

/**
 * Merges `memberIds` into the practice's "team members seen" record (domain/people/teamMembersSeen.ts)
 * with If-Match; on a conflict `update` reads again and merges again, so two writers never lose each
 * other's ids. Skips the write when nothing is new.
 * @returns every id seen, the stored ones included. @throws GraphError / NetworkError.
 */
export async function recordTeamMembersSeen(settings: RegisterSettings, memberIds: readonly string[]): Promise<ReadonlySet<string>> {
  const { setting } = await settings.update(TEAM_MEMBERS_SEEN_SETTING, (current) => mergeTeamMembersSeen(current, memberIds));
  return new Set([...(parseTeamMembersSeen(setting?.value) ?? []), ...memberIds.map(personKey)]);
}

/** @returns the ids in the record, or null when there is none yet. @throws GraphError / NetworkError. */
export async function readTeamMembersSeen(settings: RegisterSettings): Promise<ReadonlySet<string> | null> {
  const ids = parseTeamMembersSeen((await settings.read(TEAM_MEMBERS_SEEN_SETTING))?.value);
  return ids === null ? null : new Set(ids);
}
