/**
 * The network team's own site: a PCN's (or an ICB digital team's) settings list, roster list and
 * comments list, and the `network.self` setting that marks the team as a network (docs/network.md).
 *
 * - Find: the site's lists by name in one request (`GET /sites/{id}/lists?$select=id,displayName`,
 *   api-reference/v1.0/api/list-list.md), then the `network.self` setting (listitem-list.md, filtered
 *   on the indexed SettingKey column).
 * - Set up: each list found or created (`POST /sites/{id}/lists`, list-create.md; a team owner and a
 *   site grant that may manage lists), then `network.self` written with If-Match (listitem-update.md).
 */
import { NETWORK_COMMENTS_LIST, NETWORK_PRACTICES_LIST, NETWORK_SELF_SETTING, parseNetworkSelf, type NetworkSelf } from '@domain/network';
import { REGISTER_SETTINGS_LIST_NAME } from '@domain';
import type { GraphClient } from '../client';
import { findOrProvisionList, findPracticeListIds } from '../lists';
import { openRegisterSettings, provisionRegisterSettings } from '../register';

export interface NetworkHome {
  readonly siteId: string;
  readonly settingsListId: string;
  readonly practicesListId: string;
  readonly commentsListId: string;
  readonly self: NetworkSelf;
}

/**
 * @returns the network's lists and its `network.self`, or null when this team is not set up as a
 *   network (a list missing, or no readable `network.self`). @throws GraphError / NetworkError.
 */
export async function findNetworkHome(client: GraphClient, siteId: string): Promise<NetworkHome | null> {
  const lists = await findPracticeListIds(client, siteId);
  const settingsListId = lists.get(REGISTER_SETTINGS_LIST_NAME);
  const practicesListId = lists.get(NETWORK_PRACTICES_LIST.name);
  const commentsListId = lists.get(NETWORK_COMMENTS_LIST.name);
  if (settingsListId === undefined || practicesListId === undefined || commentsListId === undefined) return null;
  const stored = await openRegisterSettings(client, { siteId, listId: settingsListId }).read(NETWORK_SELF_SETTING);
  const self = parseNetworkSelf(stored?.value);
  return self === null ? null : { siteId, settingsListId, practicesListId, commentsListId, self };
}

/**
 * Makes the team a network: creates (or finds) its settings list and NETWORK_LISTS, and writes
 * `network.self`. Safe to repeat; a second call with another name or kind replaces `network.self`.
 * @throws GraphError (403 without the rights to create lists) / NetworkError.
 */
export async function setUpNetwork(client: GraphClient, siteId: string, self: NetworkSelf): Promise<NetworkHome> {
  const value: NetworkSelf = { kind: self.kind, name: self.name.trim() };
  if (parseNetworkSelf(value) === null) throw new Error('A network needs a name.');
  const settingsListId = await provisionRegisterSettings(client, siteId);
  // NETWORK_LISTS, in its order.
  const [practices, comments] = await Promise.all([findOrProvisionList(client, siteId, NETWORK_PRACTICES_LIST), findOrProvisionList(client, siteId, NETWORK_COMMENTS_LIST)]);
  await openRegisterSettings(client, { siteId, listId: settingsListId }).update(NETWORK_SELF_SETTING, (current) =>
    JSON.stringify(current) === JSON.stringify(value) ? undefined : value,
  );
  return { siteId, settingsListId, practicesListId: practices.id, commentsListId: comments.id, self: value };
}
