import {
  buildDigestCard,
  cardByteSize,
  graphMentionsHtml,
  whenText,
  type AdaptiveCard,
  type DigestInput,
} from '../../../src/domain/reminders/digestCard';
import { remindersFor, type Reminder } from '../../../src/domain/reminders/reminderPolicy';
import { person, PRIYA, stored, TOM, unescapedSpecials } from './helpers';

const TODAY = '2026-03-01';
const entryLink = (id: string) => `https://teams.microsoft.com/l/entity/app-id/register?context=${encodeURIComponent(JSON.stringify({ subEntityId: id }))}`;

function reminders(entries = [
  stored('1', { title: 'EMIS Web', nextReviewDue: '2026-01-20' }), // 40 days overdue: escalated
  stored('2', { title: 'Accurx', nextReviewDue: '2026-02-08', owner: TOM }), // 21 days: overdue
  stored('3', { title: 'Docman', nextReviewDue: TODAY, owner: null }), // due today, no owner
  stored('4', { title: 'NHS App', nextReviewDue: '2026-03-20', dataTypes: ['staff'], dpiaStatus: 'complete', dpiaDate: '2025-03-25' }),
]): Reminder[] {
  return remindersFor(entries, TODAY, { practiceId: 'team-riverside' });
}

function digest(overrides: Partial<DigestInput> = {}) {
  return buildDigestCard({ practiceName: 'Riverside Medical Practice', runDate: TODAY, reminders: reminders(), entryLink, ...overrides });
}

type Node = Record<string, unknown>;
/** Every object in the card, depth first, so tests can find TextBlocks and actions wherever they sit. */
function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value === null || typeof value !== 'object') return [];
  return [value as Node, ...Object.values(value).flatMap(nodes)];
}
const texts = (card: AdaptiveCard) => nodes(card.body).filter((n) => n.type === 'TextBlock').map((n) => String(n.text));
const openUrls = (card: AdaptiveCard) => nodes(card.body).filter((n) => n.type === 'Action.OpenUrl');

describe('buildDigestCard', () => {
  it('is a JSON-serialisable Adaptive Card 1.5 with the title, practice and run date', () => {
    const { card } = digest();
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
    expect(texts(card).slice(0, 2)).toEqual(['Digital services: reviews due', 'Riverside Medical Practice, 1 March 2026']);
  });

  it('groups lines by stage, most urgent first, each saying what is due and when', () => {
    const all = texts(digest().card);
    const headings = all.filter((text) => /^(Escalated|Overdue|Due today|Due soon) \(\d+\)$/.test(text));
    expect(headings).toEqual(['Escalated (1)', 'Overdue (1)', 'Due today (1)', 'Due soon (2)']);
    const joined = all.join('\n');
    expect(joined).toContain('EMIS Web\nAnnual review: 5 weeks overdue (due 20 January 2026)\nOwner: <at>Priya Shah</at>. Escalated to managers');
    expect(joined).toContain('Accurx\nAnnual review: 3 weeks overdue (due 8 February 2026)\nOwner: <at>Tom Reed</at>');
    expect(joined).toContain('Docman\nAnnual review: due today (1 March 2026)\nNo owner: managers please assign');
    expect(joined).toContain('NHS App\nAnnual review: due 20 March 2026');
    expect(joined).toContain('NHS App\nDPIA review: due 25 March 2026');
  });

  it('gives each line an https deep link to its entry', () => {
    const { card, shown } = digest();
    expect(openUrls(card).map((action) => action.url)).toEqual(shown.map((reminder) => entryLink(reminder.entryId)));
    expect(openUrls(card)[0]?.title).toBe('Open EMIS Web');
  });

  it('refuses any link that is not https', () => {
    for (const bad of ['javascript:alert(1)', 'http://example.org/x', 'data:text/html,x', '//evil.example', 'https://user:pw@evil.example']) {
      expect(() => digest({ entryLink: () => bad })).toThrow(RangeError);
    }
    expect(() => digest({ registerLink: 'javascript:alert(1)' })).toThrow(/registerLink/);
    expect(digest({ registerLink: 'https://teams.microsoft.com/l/entity/x/register' }).card.actions).toHaveLength(1);
  });

  it('mentions each owner once, with <at> tags that match the card entities and the Graph mentions', () => {
    const { card, graphMentions } = digest();
    const tags = new Set(texts(card).join('\n').match(/<at>[^<]*<\/at>/g));
    expect(card.msteams.entities.map((entity) => entity.text).sort()).toEqual([...tags].sort());
    expect(card.msteams.entities).toEqual([
      { type: 'mention', text: '<at>Priya Shah</at>', mentioned: { id: PRIYA.entraId, name: 'Priya Shah' } },
      { type: 'mention', text: '<at>Tom Reed</at>', mentioned: { id: TOM.entraId, name: 'Tom Reed' } },
    ]);
    expect(graphMentions).toEqual([
      { id: 0, mentionText: 'Priya Shah', mentioned: { user: { id: PRIYA.entraId, displayName: 'Priya Shah', userIdentityType: 'aadUser' } } },
      { id: 1, mentionText: 'Tom Reed', mentioned: { user: { id: TOM.entraId, displayName: 'Tom Reed', userIdentityType: 'aadUser' } } },
    ]);
    expect(graphMentionsHtml(graphMentions)).toBe('<at id="0">Priya Shah</at>, <at id="1">Tom Reed</at>');
  });

  it('tells two owners with the same name apart', () => {
    const namesake = person('Priya Shah', '33333333-3333-3333-3333-333333333333');
    const { card } = digest({ reminders: reminders([stored('1', { nextReviewDue: TODAY }), stored('2', { nextReviewDue: TODAY, owner: namesake })]) });
    expect(card.msteams.entities.map((entity) => [entity.text, entity.mentioned.id])).toEqual([
      ['<at>Priya Shah</at>', PRIYA.entraId],
      ['<at>Priya Shah (2)</at>', namesake.entraId],
    ]);
  });

  it('escapes every piece of user text so no link or formatting survives', () => {
    const hostile = '[Open](https://evil.example) **now** <script>alert(1)</script>\n# big';
    const evilOwner = person('<b>[Boss](https://evil.example)</b>', '44444444-4444-4444-4444-444444444444');
    const { card, graphMentions } = digest({
      practiceName: '_Riverside_ [x](https://evil.example)',
      reminders: reminders([stored('1', { title: hostile, nextReviewDue: TODAY, owner: evilOwner })]),
    });
    // Our own fixed wording ("Due today (1)", "due today (1 March 2026)") may use parentheses; user text may not.
    const fixedWording = /^(Due today \(\d+\)|Annual review: due today \(1 March 2026\))$/;
    const userTextBlocks = texts(card).filter((text) => !fixedWording.test(text));
    expect(userTextBlocks).toHaveLength(texts(card).length - 2);
    for (const text of userTextBlocks) {
      const withoutMentions = text.replace(/<at>[^<]*<\/at>/g, '');
      expect(unescapedSpecials(withoutMentions)).toEqual([]);
      expect(withoutMentions).not.toContain('://');
    }
    expect(card.msteams.entities[0]?.text).toBe('<at>b Boss https evil.example b</at>');
    expect(graphMentions[0]?.mentionText).toBe('b Boss https evil.example b');
    expect(card.msteams.entities[0]?.mentioned.name).toBe('b Boss https evil.example b');
    expect(openUrls(card)[0]?.title).toBe('Open Open https evil.example now script alert 1 script big');
    expect(JSON.stringify(card)).not.toMatch(/<script>|<b>|\]\(|\*\*/);
  });

  it('says plainly when an owner has left, and when nothing is due', () => {
    const left = remindersFor([stored('2', { nextReviewDue: TODAY, owner: TOM })], TODAY, { practiceId: 'p', ownerHasLeft: () => true });
    expect(texts(digest({ reminders: left }).card)).toContain('Owner has left: managers please reassign');
    const empty = digest({ reminders: [] });
    expect(texts(empty.card)).toContain('Nothing is due. Every review is up to date.');
    expect(empty.card.msteams.entities).toEqual([]);
  });

  it('stays under the size budget by keeping the most urgent lines and counting the rest', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      stored(String(i), { title: `Service ${i} ${'with a long name '.repeat(6)}`, nextReviewDue: i % 3 === 0 ? '2026-01-01' : '2026-03-15', owner: person(`Owner ${i}`) }),
    );
    const input = reminders(many);
    const { card, shown, omitted } = digest({ reminders: input, maxLines: 1000 });
    expect(cardByteSize(card)).toBeLessThanOrEqual(24_000);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length + omitted).toBe(300);
    expect(texts(card)).toContain(`and ${omitted} more in the register`);
    expect(shown.every((reminder) => reminder.stage === 'escalated')).toBe(true); // the 100 escalated come first
    expect(texts(card)).toContain('Escalated (100)');

    const small = digest({ reminders: input, maxBytes: 6_000 });
    expect(cardByteSize(small.card)).toBeLessThanOrEqual(6_000);
    expect(small.shown.length).toBeLessThan(shown.length);
    expect(digest({ reminders: input }).shown.length).toBeLessThanOrEqual(40); // default line cap
  });

  it('orders lines by urgency whatever order the reminders arrive in', () => {
    expect(digest({ reminders: reminders().reverse() }).card).toEqual(digest().card);
  });
});

describe('whenText', () => {
  it.each([
    [{ stage: 'due-soon', dueDate: '2026-03-01', daysUntilDue: 3 }, 'due 1 March 2026'],
    [{ stage: 'due', dueDate: '2026-03-01', daysUntilDue: 0 }, 'due today (1 March 2026)'],
    [{ stage: 'overdue', dueDate: '2026-03-01', daysUntilDue: -1 }, '1 day overdue (due 1 March 2026)'],
    [{ stage: 'overdue', dueDate: '2026-03-01', daysUntilDue: -6 }, '6 days overdue (due 1 March 2026)'],
    [{ stage: 'overdue', dueDate: '2026-03-01', daysUntilDue: -7 }, '1 week overdue (due 1 March 2026)'],
    [{ stage: 'escalated', dueDate: '2026-03-01', daysUntilDue: -23 }, '3 weeks overdue (due 1 March 2026)'],
  ] as const)('%o -> %s', (reminder, text) => {
    expect(whenText(reminder)).toBe(text);
  });
});
