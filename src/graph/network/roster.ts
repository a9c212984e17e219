/**
 * The network's roster: "Digital Services Network Practices" in the network's own site, one item per
 * member practice keyed by the practice site's id (the unique, indexed PracticeSiteId column), so a
 * practice added twice, or an add retried after a lost answer, is one item (graph/lists itemStore).
 *
 * - list:   `GET /sites/{id}/lists/{list}/items?expand=fields(select=...)` (listitem-list.md)
 * - add:    `POST .../items` (listitem-create.md), settled by the key on 409 or an unknown outcome
 * - remove: `DELETE .../items/{item}` (listitem-delete.md); an item already gone is removed
 * - a practice's site from its URL: `GET /sites/{hostname}:/{server-relative-path}` (site-get.md)
 * - on add, the practice site's settings list id: `GET /sites/{id}/lists?$select=id,displayName`
 *   (list-list.md), kept on the roster item so the roll-up reads the opt-in in its first wave
 */
import { REGISTER_SETTINGS_LIST_NAME } from '@domain';
import { fieldsToMemberPractice, MEMBER_PRACTICE_FIELDS, memberPracticeToFields, type MemberPractice } from '@domain/network';
import { pathSegment, type GraphClient } from '../client';
import { findPracticeListIds, isGraphStatus, openItemStore, type ItemStore } from '../lists';
import { eTagOf, findTeamSiteByUrl, type ListItem } from '../register';
import type { NetworkHome } from './networkHome';

export interface StoredMemberPractice {
  readonly itemId: string;
  readonly eTag: string;
  readonly practice: MemberPractice;
}

const PAGE_SIZE = 500;

function toStoredMemberPractice(item: ListItem): StoredMemberPractice {
  return { itemId: item.id, eTag: eTagOf(item), practice: fieldsToMemberPractice(item.fields ?? {}) };
}

function openRoster(client: GraphClient, home: NetworkHome): ItemStore<StoredMemberPractice, MemberPractice, ListItem> {
  return openItemStore<StoredMemberPractice, MemberPractice, ListItem>(client, {
    location: { siteId: home.siteId, listId: home.practicesListId },
    fieldNames: MEMBER_PRACTICE_FIELDS,
    keyColumn: 'PracticeSiteId',
    fromItem: toStoredMemberPractice,
    toFields: memberPracticeToFields,
  });
}

/** Every practice on the roster, by name. @throws GraphError / NetworkError. */
export async function listRoster(client: GraphClient, home: NetworkHome): Promise<StoredMemberPractice[]> {
  const store = openRoster(client, home);
  const { records } = await store.list({ expand: store.expand, $top: PAGE_SIZE });
  return records.sort((a, b) => a.practice.name.localeCompare(b.practice.name, 'en-GB'));
}

/** A practice's site found by its URL (https only), as the roster records it. @throws GraphError 404 / 403; Error for a URL that is not https. */
export async function resolvePracticeSite(client: GraphClient, siteUrl: string): Promise<{ siteId: string; name: string; webUrl: string }> {
  const site = await findTeamSiteByUrl(client, siteUrl);
  return { siteId: site.id, name: site.displayName, webUrl: site.webUrl };
}

/**
 * The practice site's settings list id, or null when it cannot be looked up now (the network's
 * members are not yet the site's Visitors, the app has no grant, ...): the roster then keeps what the
 * caller gave ('' when not known), and the roll-up looks the list up itself (loadNetwork.ts).
 */
async function settingsListIdOf(client: GraphClient, practiceSiteId: string): Promise<string | null> {
  try {
    return (await findPracticeListIds(client, practiceSiteId)).get(REGISTER_SETTINGS_LIST_NAME) ?? '';
  } catch {
    return null;
  }
}

/**
 * Adds the practice (its `key` is its site id), or returns the item already there for that site.
 * Its `settingsListId` is looked up in the practice's site first: '' when the site has no settings
 * list; the caller's value when the site cannot be read (the practice is added all the same).
 * @throws Error for a site URL that is not https; GraphError / NetworkError.
 */
export async function addToRoster(client: GraphClient, home: NetworkHome, practice: MemberPractice): Promise<StoredMemberPractice> {
  if (practice.key.trim() === '') throw new Error("A practice on the roster needs its site's id.");
  if (!/^https:\/\//i.test(practice.siteUrl)) throw new Error(`The practice's site URL must start with https://: ${practice.siteUrl}`);
  const settingsListId = (await settingsListIdOf(client, practice.key)) ?? practice.settingsListId;
  return openRoster(client, home).create({ ...practice, settingsListId }, practice.key);
}

/** Takes the practice off the roster; nothing happens when it is already off. @throws GraphError / NetworkError. */
export async function removeFromRoster(client: GraphClient, home: NetworkHome, itemId: string): Promise<void> {
  try {
    await client.api(`/sites/${pathSegment(home.siteId)}/lists/${pathSegment(home.practicesListId)}/items/${pathSegment(itemId)}`).delete();
  } catch (error) {
    if (!isGraphStatus(error, 404)) throw error;
  }
}
