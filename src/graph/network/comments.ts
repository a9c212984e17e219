/**
 * Notes from a network's readers to a practice: "Digital Services Network Comments" in the NETWORK's
 * site (readers cannot write to the practice's site). Keyed by 'cmt-' and a GUID made once per note
 * (the unique, indexed CommentKey column), so a retried add finds the first; read per practice by the
 * indexed PracticeSiteId column. The practice reads its notes there too, as a visitor of the network site.
 *
 * - list: `GET /sites/{id}/lists/{list}/items?$filter=fields/PracticeSiteId eq '...'` (listitem-list.md)
 * - add:  `POST .../items` (listitem-create.md), settled by the key on 409 or an unknown outcome
 * - the network's lists by name: `GET /sites/{id}/lists?$select=id,displayName` (list-list.md)
 */
import { fieldsToComment, commentToFields, NETWORK_COMMENT_FIELDS, NETWORK_COMMENT_MAX_CHARS, NETWORK_COMMENTS_LIST, type NetworkComment } from '@domain/network';
import { escapeODataString, NON_INDEXED_QUERIES, type GraphClient } from '../client';
import { findPracticeListIds, openItemStore, type ItemStore } from '../lists';
import type { ListItem } from '../register';
import type { NetworkHome } from './networkHome';

const PAGE_SIZE = 500;

function openComments(client: GraphClient, siteId: string, listId: string): ItemStore<NetworkComment, NetworkComment, ListItem> {
  return openItemStore<NetworkComment, NetworkComment, ListItem>(client, {
    location: { siteId, listId },
    fieldNames: NETWORK_COMMENT_FIELDS,
    keyColumn: 'CommentKey',
    fromItem: (item) => fieldsToComment(item.fields ?? {}),
    toFields: commentToFields,
  });
}

async function commentsIn(store: ItemStore<NetworkComment, NetworkComment, ListItem>, practiceSiteId: string): Promise<NetworkComment[]> {
  const { records } = await store.list(
    { $filter: `fields/PracticeSiteId eq '${escapeODataString(practiceSiteId)}'`, expand: store.expand, $top: PAGE_SIZE },
    // PracticeSiteId is created indexed; the header keeps a list whose index an admin dropped readable.
    NON_INDEXED_QUERIES,
  );
  return records.sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
}

/** The notes the network left for one practice, oldest first. @throws GraphError / NetworkError. */
export function listCommentsFor(client: GraphClient, home: NetworkHome, practiceSiteId: string): Promise<NetworkComment[]> {
  return commentsIn(openComments(client, home.siteId, home.commentsListId), practiceSiteId);
}

/**
 * Adds the note, or returns the one a first attempt with the same key made.
 * @throws Error for an empty or over-long note or a key not made by newCommentKey; GraphError / NetworkError.
 */
export async function addComment(client: GraphClient, home: NetworkHome, comment: NetworkComment): Promise<NetworkComment> {
  const text = comment.text.trim();
  if (text === '') throw new Error('A note needs some text.');
  if (text.length > NETWORK_COMMENT_MAX_CHARS) throw new Error(`A note holds at most ${NETWORK_COMMENT_MAX_CHARS} characters.`);
  if (!/^cmt-[0-9a-f-]{36}$/i.test(comment.key)) throw new Error("A note's key is 'cmt-' and a GUID.");
  if (comment.practiceSiteId.trim() === '') throw new Error('A note names the practice it is for.');
  return openComments(client, home.siteId, home.commentsListId).create({ ...comment, text }, comment.key);
}

/** A fresh note key: 'cmt-' and a GUID (Web Crypto, in browsers and Node alike). */
export function newCommentKey(): string {
  return `cmt-${globalThis.crypto.randomUUID()}`;
}

/**
 * The practice side: the notes its network left for it, read from the network's comments list.
 * @returns [] when the network site has no comments list. @throws GraphError (403 when the practice cannot read the network's site) / NetworkError.
 */
export async function commentsForMyPractice(client: GraphClient, networkSiteId: string, practiceSiteId: string): Promise<NetworkComment[]> {
  const listId = (await findPracticeListIds(client, networkSiteId)).get(NETWORK_COMMENTS_LIST.name);
  if (listId === undefined) return [];
  return commentsIn(openComments(client, networkSiteId, listId), practiceSiteId);
}
