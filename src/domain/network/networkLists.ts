/**
 * The two lists a network team (a PCN, or an ICB's digital team) keeps in its OWN site, beside its
 * own register. No copy of any practice's data is kept here: only who the member practices are and
 * the notes the network's readers leave for a practice.
 *
 * - "Digital Services Network Practices": the roster. One item per practice the network supports,
 *   keyed by the practice site's id (unique, indexed). The roll-up reads a practice only when the
 *   practice has also opted in to this network (membership.ts).
 * - "Digital Services Network Comments": a reader's note to a practice about one entry. It is kept
 *   in the network's site because readers have read-only access to the practice's site; the
 *   practice's tab reads the notes for its entries from here (PracticeSiteId is indexed for that).
 *
 * Each field is one schema row: the columns, `$select` and field mapping derive from the rows.
 */
import type { ListDefinition } from '../lists/listDefinition';
import type { ListItemFields } from '../registerFields';
import { columnsOf, fieldNamesOf, fromListFields, toListFields } from '../schema/deriveList';
import { NO_HEADERS, NOTE_KIND as NOTE, TEXT_KIND as TEXT, recordKeyRow, type RecordSchema } from '../schema/fieldSchema';

export const NETWORK_PRACTICES_LIST_NAME = 'Digital Services Network Practices';
export const NETWORK_COMMENTS_LIST_NAME = 'Digital Services Network Comments';

/** A practice on the network's roster. `key` is the practice site's id. */
export interface MemberPractice {
  readonly key: string;
  readonly name: string;
  /** The practice team's SharePoint site URL (https), shown and used to find the site by path. */
  readonly siteUrl: string;
  /** The practice's team (Microsoft 365 group) id, for links into its Teams tab. */
  readonly teamId: string;
  /** The practice's ODS code (e.g. B86001), optional. */
  readonly odsCode: string;
  /**
   * The id of the practice site's settings list ("Digital Services Register Settings"), looked up when
   * the practice was added; '' when not known (no access to the site yet, or no settings list then).
   * With it the roll-up reads the practice's opt-in in its first wave (graph/network loadNetwork.ts).
   */
  readonly settingsListId: string;
  readonly addedBy: string;
  /** ISO instant. */
  readonly addedAt: string;
}

export const MEMBER_PRACTICE_SCHEMA: RecordSchema<MemberPractice> = {
  rows: [
    recordKeyRow('Practice site id', 'PracticeSiteId', "The practice team's SharePoint site id: one roster item per practice."),
    { key: 'name', label: 'Practice', group: 'Practice', hint: "The practice's name.", kind: TEXT, headers: NO_HEADERS, column: { name: 'Title' } },
    { key: 'siteUrl', label: 'Site URL', group: 'Practice', hint: "The practice team's SharePoint site.", kind: { type: 'text', input: 'url' }, headers: NO_HEADERS, column: { name: 'PracticeSiteUrl' } },
    { key: 'teamId', label: 'Team id', group: 'Practice', hint: "The practice's Teams team id.", kind: TEXT, headers: NO_HEADERS, column: { name: 'PracticeTeamId' } },
    { key: 'odsCode', label: 'ODS code', group: 'Practice', hint: "The practice's ODS code.", kind: TEXT, headers: NO_HEADERS, column: { name: 'OdsCode' } },
    { key: 'settingsListId', label: 'Settings list id', group: 'Practice', hint: "The id of the practice site's settings list; empty when not known.", kind: TEXT, headers: NO_HEADERS, column: { name: 'PracticeSettingsListId' } },
    { key: 'addedBy', label: 'Added by', group: 'Record', hint: 'Who added the practice to the roster.', kind: TEXT, headers: NO_HEADERS, column: { name: 'AddedBy' } },
    { key: 'addedAt', label: 'Added at', group: 'Record', hint: 'When, as an ISO instant in UTC.', kind: TEXT, headers: NO_HEADERS, column: { name: 'AddedAt', displayName: 'Added at (UTC)' } },
  ],
  groups: ['Practice', 'Record'],
};

/** A network reader's note to a practice about one of its entries. */
export interface NetworkComment {
  /** 'cmt-' and a GUID made once per note: a retried create finds the first. */
  readonly key: string;
  readonly practiceSiteId: string;
  /** The practice register's list item id of the entry. */
  readonly entryItemId: string;
  /** The entry's title when the note was written (the entry may be renamed later). */
  readonly entryTitle: string;
  readonly text: string;
  readonly authorName: string;
  readonly authorId: string;
  /** ISO instant. */
  readonly writtenAt: string;
}

export const NETWORK_COMMENT_SCHEMA: RecordSchema<NetworkComment> = {
  rows: [
    recordKeyRow('Comment key', 'CommentKey', "'cmt-' and a GUID made once per note, so a retried create finds the first."),
    { key: 'practiceSiteId', label: 'Practice site id', group: 'Comment', hint: "The practice's site id.", kind: TEXT, headers: NO_HEADERS, column: { name: 'PracticeSiteId', indexed: true } },
    { key: 'entryItemId', label: 'Entry id', group: 'Comment', hint: "The entry's item id in the practice's register.", kind: TEXT, headers: NO_HEADERS, column: { name: 'EntryItemId' } },
    { key: 'entryTitle', label: 'Service', group: 'Comment', hint: "The entry's title when the note was written.", kind: TEXT, headers: NO_HEADERS, column: { name: 'Title' } },
    { key: 'text', label: 'Note', group: 'Comment', hint: 'The note to the practice.', kind: NOTE, headers: NO_HEADERS, column: { name: 'CommentText' } },
    { key: 'authorName', label: 'Written by', group: 'Record', hint: "The writer's name.", kind: TEXT, headers: NO_HEADERS, column: { name: 'AuthorName' } },
    { key: 'authorId', label: 'Writer id', group: 'Record', hint: "The writer's Entra id.", kind: TEXT, headers: NO_HEADERS, column: { name: 'AuthorEntraId' } },
    { key: 'writtenAt', label: 'Written at', group: 'Record', hint: 'When, as an ISO instant in UTC.', kind: TEXT, headers: NO_HEADERS, column: { name: 'WrittenAt', displayName: 'Written at (UTC)' } },
  ],
  groups: ['Comment', 'Record'],
};

/** Longest note a reader may leave (SharePoint's note column holds far more; a note is a few lines). */
export const NETWORK_COMMENT_MAX_CHARS = 2_000;

export const NETWORK_PRACTICES_LIST: ListDefinition = {
  name: NETWORK_PRACTICES_LIST_NAME,
  description: 'The practices this network supports, written by the Digital Services Register tab. A practice is read only when it has also opted in.',
  columns: columnsOf(MEMBER_PRACTICE_SCHEMA),
};

export const NETWORK_COMMENTS_LIST: ListDefinition = {
  name: NETWORK_COMMENTS_LIST_NAME,
  description: "Notes from the network's readers to member practices about their register entries.",
  columns: columnsOf(NETWORK_COMMENT_SCHEMA),
};

/** The network team's lists, in the order setup creates them. */
export const NETWORK_LISTS: readonly ListDefinition[] = [NETWORK_PRACTICES_LIST, NETWORK_COMMENTS_LIST];

const BLANK_PRACTICE: MemberPractice = { key: '', name: '', siteUrl: '', teamId: '', odsCode: '', settingsListId: '', addedBy: '', addedAt: '' };
const BLANK_COMMENT: NetworkComment = { key: '', practiceSiteId: '', entryItemId: '', entryTitle: '', text: '', authorName: '', authorId: '', writtenAt: '' };

export const MEMBER_PRACTICE_FIELDS = fieldNamesOf(MEMBER_PRACTICE_SCHEMA);
export const NETWORK_COMMENT_FIELDS = fieldNamesOf(NETWORK_COMMENT_SCHEMA);

export const memberPracticeToFields = (practice: MemberPractice): ListItemFields => toListFields(MEMBER_PRACTICE_SCHEMA, practice);
export const fieldsToMemberPractice = (fields: ListItemFields): MemberPractice => fromListFields(MEMBER_PRACTICE_SCHEMA, fields, BLANK_PRACTICE);
export const commentToFields = (comment: NetworkComment): ListItemFields => toListFields(NETWORK_COMMENT_SCHEMA, comment);
export const fieldsToComment = (fields: ListItemFields): NetworkComment => fromListFields(NETWORK_COMMENT_SCHEMA, fields, BLANK_COMMENT);
