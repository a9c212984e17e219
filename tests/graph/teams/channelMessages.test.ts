/** The delegated "Post now" message: plain names in the card, the real @mentions in the message body. */
import { buildTabDigest } from '../../../src/tab/features/reminders/tabDigest';
import { digestMessageBody } from '../../../src/graph';
import { healthyEntry, TODAY, TOM } from '../../domain/entryFixture';

test('a card a person posts through Graph names owners in plain text; the mentions live in the message body', () => {
  const entry = healthyEntry({ title: 'EMIS Web', owner: TOM, nextReviewDue: '2026-06-01' });
  const { digest } = buildTabDigest({
    teamId: 'team-1',
    practiceName: 'Riverside',
    today: TODAY,
    entries: [{ id: '1', entry }],
    members: [{ userId: TOM.entraId, displayName: TOM.displayName, email: TOM.upn, roles: [] }],
    channelId: '19:c@thread.tacv2',
  });
  expect(digest.graphMentions.length).toBeGreaterThan(0);
  const message = digestMessageBody({ card: digest.card, mentions: digest.graphMentions, attachmentId: 'a1' }) as {
    body: { content: string };
    attachments: { content: string }[];
    mentions: unknown[];
  };
  const card = message.attachments[0]?.content ?? '';
  expect(card).not.toContain('<at>');
  expect(JSON.parse(card).msteams).toEqual({ width: 'Full' });
  expect(card).toContain(TOM.displayName);
  expect(message.body.content).toContain(`<at id="0">${TOM.displayName}</at>`);
  expect(message.body.content).toContain('<attachment id="a1"></attachment>');
  expect(message.mentions).toEqual(digest.graphMentions);
});
