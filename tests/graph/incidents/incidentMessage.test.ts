/** The Graph chatMessage that carries an incident card: escaped lead, real mentions referenced, the card as a JSON string. */
import { XSS_PAYLOADS } from '../../faults/xssCorpus';
import { buildIncidentCard, declareIncident, incidentKeyFor } from '../../../src/domain/incidents';
import { emptyEntry } from '../../../src/domain/entry';
import { incidentMessageBody } from '../../../src/graph/incidents';

const entryLink = (id: string) => `https://teams.microsoft.com/l/entity/app/register?context=${encodeURIComponent(JSON.stringify({ subEntityId: `entry:${id}` }))}`;

function body(title: string) {
  const owner = { entraId: 'owner-id', displayName: title, upn: 'o@nhs.net' };
  const entries = [{ id: '1', eTag: '"{1},1"', entry: { ...emptyEntry(), title, owner, lifecycle: 'live' as const }, createdAt: '', createdBy: '', modifiedAt: '', modifiedBy: '' }];
  const incident = declareIncident(
    { key: incidentKeyFor('11111111-2222-4333-8444-555555555555'), entryId: '1', serviceTitle: title, impact: 'down', seen: 'x', declaredBy: { displayName: 'P', entraId: 'p' } },
    new Date('2026-03-02T09:00:00Z'),
  );
  const built = buildIncidentCard({ incident, entries, entryLink });
  return incidentMessageBody(built.card, 'att-1', `Incident: ${title} is down.`, built.graphMentions) as {
    body: { contentType: string; content: string };
    attachments: { id: string; contentType: string; content: string }[];
    mentions: { id: number; mentionText: string; mentioned: { user: { id: string } } }[];
  };
}

test('references the card and each mention in the HTML body', () => {
  const message = body('EMIS Web');
  expect(message.body.content).toBe('<p>Incident: EMIS Web is down. For <at id="0">EMIS Web</at>.</p><attachment id="att-1"></attachment>');
  expect(message.attachments).toEqual([expect.objectContaining({ id: 'att-1', contentType: 'application/vnd.microsoft.card.adaptive' })]);
  expect(JSON.parse(message.attachments[0]!.content)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  expect(message.mentions.map((m) => [m.id, m.mentioned.user.id])).toEqual([[0, 'owner-id']]);
});

test.each(XSS_PAYLOADS.map((p) => [p.slice(0, 50), p]))('no tag from user text opens in the HTML body: %s', (_label, payload) => {
  const html = body(payload).body.content;
  const tags = html.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) expect(tag).toMatch(/^<(\/?p|at id="\d+"|\/at|attachment id="att-1"|\/attachment)>$/);
});
