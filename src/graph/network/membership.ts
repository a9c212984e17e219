/**
 * A practice's opt-in to a network: the `network.pcn` / `network.icb` setting in the PRACTICE's own
 * settings list ("Digital Services Register Settings"; graph/register registerSettings.ts). Only the
 * practice writes it (its team members edit their own site; a network's readers are site visitors
 * with read access only), so only the practice can give or withdraw consent (docs/network.md).
 *
 * - read:  `GET /sites/{id}/lists?$select=id,displayName` (list-list.md), then the setting's item
 *          filtered on the indexed SettingKey column (listitem-list.md)
 * - write: the item created, or replaced with If-Match (listitem-create.md, listitem-update.md);
 *          the settings list is created first when the practice has none (list-create.md)
 */
import { membershipSettingKey, parseMembership, type NetworkKind, type NetworkMembership } from '@domain/network';
import type { GraphClient } from '../client';
import { findRegisterSettings, openRegisterSettings, provisionRegisterSettings } from '../register';

/** @returns the practice's stored opt-in for `kind`, or null when there is none (or it is unreadable). @throws GraphError / NetworkError. */
export async function readMembership(client: GraphClient, practiceSiteId: string, kind: NetworkKind): Promise<NetworkMembership | null> {
  const listId = await findRegisterSettings(client, practiceSiteId);
  if (listId === null) return null;
  const stored = await openRegisterSettings(client, { siteId: practiceSiteId, listId }).read(membershipSettingKey(kind));
  return parseMembership(stored?.value);
}

/**
 * Writes the practice's opt-in (joined or withdrawn) for `membership.kind`, replacing what was there.
 * @returns what is stored afterwards. @throws Error for a value that is not a membership; GraphError / NetworkError.
 */
export async function writeMembership(client: GraphClient, practiceSiteId: string, membership: NetworkMembership): Promise<NetworkMembership> {
  const value = parseMembership(membership);
  if (value === null) throw new Error('Not a network membership: it needs a state, a kind, the network site id and a date.');
  const listId = (await findRegisterSettings(client, practiceSiteId)) ?? (await provisionRegisterSettings(client, practiceSiteId));
  const { setting } = await openRegisterSettings(client, { siteId: practiceSiteId, listId }).update(membershipSettingKey(value.kind), (current) =>
    JSON.stringify(current) === JSON.stringify(value) ? undefined : value,
  );
  return parseMembership(setting?.value) ?? value;
}
