/**
 * The tab's digest: the same policy and card as the service, deep links the channel viewer and
 * Teams can open, the owner rule for posting, and which failed posts count as "may have arrived".
 */
import { GraphError, NetworkError, type TeamMember } from '../../../../src/graph';
import { parseEntryDeepLink } from '../../../../src/domain/reminders/entryLink';
import { LOCAL_TEAMS_APP_ID } from '../../../../src/service/config';
import { buildTabDigest, isTeamOwner } from '../../../../src/tab/features/reminders/tabDigest';
import { TAB_TEAMS_APP_ID } from '../../../../src/tab/components/tabIdentity';
import { outcomeUnknown } from '../../../../src/tab/features/reminders/usePostDigest';
import { healthyEntry, PRIYA, TODAY, TOM } from '../../../domain/entryFixture';

const members: TeamMember[] = [
  { userId: PRIYA.entraId, displayName: PRIYA.displayName, email: PRIYA.upn, roles: ['owner'] },
  { userId: TOM.entraId, displayName: TOM.displayName, email: TOM.upn, roles: [] },
];
const CHANNEL = '19:digital@thread.tacv2';

test('the tab builds deep links with the same Teams app id as the service', () => {
  expect(TAB_TEAMS_APP_ID).toBe(LOCAL_TEAMS_APP_ID);
});

test('only team owners may post', () => {
  expect(isTeamOwner(members, PRIYA.entraId)).toBe(true);
  expect(isTeamOwner(members, TOM.entraId)).toBe(false);
  expect(isTeamOwner(members, 'someone-else')).toBe(false);
});

test('the digest lists what is due, @mentions owners, and links each line to its entry in the channel tab', () => {
  const entries = [
    { id: '1', entry: healthyEntry({ title: 'Overdue system', owner: TOM, nextReviewDue: '2026-06-01' }) },
    { id: '2', entry: healthyEntry({ title: 'Fine system', nextReviewDue: '2027-01-01' }) },
    { id: '3', entry: healthyEntry({ title: 'Left system', owner: { entraId: 'gone', displayName: 'Gone Person', upn: 'gone@nhs.net' }, nextReviewDue: '2026-06-20' }) },
  ];
  const { digest, reminders } = buildTabDigest({ teamId: 'team-1', practiceName: 'Riverside', today: TODAY, entries, members, channelId: CHANNEL });
  const reviews = reminders.filter((r) => r.kind === 'review');
  expect(reviews.map((r) => [r.entryTitle, r.stage, r.ownerIssue])).toEqual([
    ['Overdue system', 'overdue', 'none'],
    ['Left system', 'due-soon', 'owner-left'],
  ]);
  expect(digest.graphMentions.map((m) => m.mentioned.user.id)).toContain(TOM.entraId);
  expect(digest.graphMentions.map((m) => m.mentioned.user.id)).not.toContain('gone');
  const links = JSON.stringify(digest.card).match(/https:\/\/teams\.microsoft\.com\/l\/entity\/[^"]+/g) ?? [];
  const parsed = links.map((link) => parseEntryDeepLink(JSON.parse(`"${link}"`) as string));
  expect(parsed.every((p) => p !== null && p.channelId === CHANNEL && p.entityId === 'register')).toBe(true);
  expect(parsed.map((p) => p?.entryId)).toEqual(expect.arrayContaining(['1', '3', null]));
});

test('a post that failed with a server error or a lost connection may have arrived; a refusal did not', () => {
  expect(outcomeUnknown(new GraphError(503, 'ServiceUnavailable', 'busy'))).toBe(true);
  expect(outcomeUnknown(new GraphError(500, 'InternalServerError', 'oops'))).toBe(true);
  expect(outcomeUnknown(new NetworkError('timed out', { ambiguous: true }))).toBe(true);
  expect(outcomeUnknown(new NetworkError('refused', { ambiguous: false }))).toBe(false);
  expect(outcomeUnknown(new GraphError(429, 'TooManyRequests', 'slow down'))).toBe(false);
  expect(outcomeUnknown(new GraphError(403, 'Forbidden', 'no'))).toBe(false);
});
