/**
 * The incident card and its update cards. Hostile text uses the project's payload lists: the XSS
 * corpus and URL payloads of the fault suite (tests/faults/xssCorpus.ts) and the Markdown checks of
 * the digest tests (tests/domain/reminders/helpers.ts), plus the Markdown constructs the digest's
 * markdown tests name.
 */
import { XSS_PAYLOADS, URL_PAYLOADS } from '../../faults/xssCorpus';
import { rendered, unescapedSpecials } from '../reminders/helpers';
import type { StoredEntry } from '../../../src/domain/entry';
import {
  addIncidentUpdate,
  addSupplierReference,
  buildIncidentCard,
  buildUpdateCard,
  incidentUpdateKey,
  restoredKey,
  restoreIncident,
  type Incident,
} from '../../../src/domain/incidents';
import { cardByteSize, type AdaptiveCard } from '../../../src/domain/reminders/digestCard';
import { declared, entryLink, KEY, NOW, register } from './fixtures';

const MARKDOWN_PAYLOADS = [
  '[x](https://evil.example)',
  '![img](https://evil.example/a.png)',
  '<https://evil.example>',
  'www.evil.example',
  '**bold** _it_ ~~gone~~',
  '# heading',
  '1. list',
  '> quote',
  '`code`',
  '<at>Priya Shah</at>',
  '{{DATE(2017-02-14T06:08:00Z, SHORT)}}',
  'line one\r\nline two',
];
const HOSTILE = [...XSS_PAYLOADS, ...MARKDOWN_PAYLOADS];

type Node = Record<string, unknown>;
function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value === null || typeof value !== 'object') return [];
  return [value as Node, ...Object.values(value).flatMap(nodes)];
}
const texts = (card: AdaptiveCard) => nodes(card).filter((n) => n.type === 'TextBlock').map((n) => String(n.text));
const actions = (card: AdaptiveCard) => nodes(card).filter((n) => n.type === 'Action.OpenUrl') as { title: string; url: string }[];

function cardFor(incident: Incident = declared(), entries: StoredEntry[] = register()) {
  return buildIncidentCard({ incident, entries, entryLink });
}

describe('buildIncidentCard', () => {
  it('says what is down, what is seen, when it started and who declared it', () => {
    const all = texts(cardFor().card);
    expect(all.slice(0, 8)).toEqual([
      'Incident: service down',
      'EMIS Web is down',
      'What is seen', 'Nobody can log in; error 503 on every screen.',
      'Started', '08:15 on 2 March 2026',
      'Declared by', 'Priya Shah',
    ]);
    expect(all.slice(8, 10)).toEqual(['Service owner', 'Priya Shah']);
    // Labels are bold by weight, never by Markdown beside user text.
    expect(all.some((text) => text.includes('**'))).toBe(false);
    expect(texts(cardFor(declared({ impact: 'degraded' })).card)[1]).toBe('EMIS Web is degraded');
  });

  it('carries the downtime process: the four fields, then older notes', () => {
    const all = texts(cardFor(declared(), register({ downtimeProcess: 'Call the practice manager' })).card).map(rendered);
    const at = all.indexOf('Downtime process');
    expect(all.slice(at + 1, at + 11)).toEqual([
      'How you will notice', 'Screens freeze; EMIS status page shows an outage.',
      'Paper workaround', 'Use the printed appointment lists and paper FP10s.',
      'What to tell patients', 'Tell patients we can still see them; prescriptions may be delayed.',
      'Back-filling records afterwards', 'Enter paper notes within 48 hours.',
      'Other downtime notes', 'Call the practice manager',
    ]);
    const none = texts(cardFor(declared(), register({ downtimeNotice: '', downtimeWorkaround: '', downtimePatients: '', downtimeBackfill: '' })).card);
    expect(none).toContain('No downtime process is written down for this service. Agree one with the owner after the incident.');
  });

  it('gives the supplier and ICB service desk contacts with working links and the caller references', () => {
    const { card } = cardFor();
    const all = texts(card).map(rendered);
    const joined = all.join('\n');
    expect(joined).toContain('Who to call\nSupplier: Optum\nPhone\n0300 123 4567\nHours\nMon-Fri 08:00-18:30\nEmail\nservicedesk@example.co.uk');
    expect(joined).toContain('Caller reference they will ask for\nPractice ODS code');
    expect(joined).toContain('ICB service desk: ICB service desk\nPhone\n01234 567890');
    expect(joined).toContain('Caller reference they will ask for\nODS code Y01234');
    expect(joined).toContain('Escalation route\nICB digital team, then the supplier account manager');
    expect(actions(card).map((a) => [a.title, a.url])).toEqual([
      ['Call Optum', 'tel:03001234567'],
      ['Email Optum', 'mailto:servicedesk@example.co.uk'],
      ['Open Optum portal', 'https://support.example.co.uk/portal'],
      ['Call ICB service desk', 'tel:01234567890'],
      ['Email ICB service desk', 'mailto:gpit@icb.nhs.uk'],
      ['Open ICB service desk portal', 'https://desk.icb.nhs.uk/'],
      ['Open EMIS Web in the register', entryLink('1')],
    ]);
  });

  it('says so when the register has no ICB service desk', () => {
    const entries = register().filter((s) => s.id !== '9');
    expect(texts(cardFor(declared(), entries).card).join('\n')).toContain('No ICB service desk in the register');
  });

  it('lists the other services affected, through what, and whether each has a downtime process', () => {
    const built = cardFor();
    expect(built.affected.map((a) => a.title)).toEqual(['Docman', 'iGPR']);
    const all = texts(built.card).map(rendered);
    expect(all).toContain('Other services affected (2)');
    expect(all).toContain('Docman: has a downtime process');
    expect(all).toContain('iGPR (through Docman): no downtime process written down');
    expect(texts(cardFor(declared({ entryId: '5', serviceTitle: 'Accurx' })).card)).toContain('Nothing else in the register depends on this service.');
  });

  it('names the owner and deputy for real mentions in a Graph message body', () => {
    expect(cardFor(declared({ entryId: '4', serviceTitle: 'NHS App' })).graphMentions.map((m) => [m.id, m.mentionText])).toEqual([[0, 'Tom Reed'], [1, 'Priya Shah']]);
  });

  it('still builds for a service deleted from the register, and refuses a non-https entry link', () => {
    expect(texts(cardFor(declared({ entryId: 'gone' })).card)).toContain('This service is no longer in the register.');
    for (const bad of ['javascript:alert(1)', 'http://example.org/x', '//evil.example']) {
      expect(() => buildIncidentCard({ incident: declared(), entries: register(), entryLink: () => bad })).toThrow(RangeError);
    }
  });

  it('stays under the size Teams accepts, dropping affected services first', () => {
    const long = 'x'.repeat(4000);
    const entries = [
      ...register({ downtimeNotice: long, downtimeWorkaround: long, downtimePatients: long, downtimeBackfill: long, downtimeProcess: long }),
      ...Array.from({ length: 40 }, (_, n) => ({ ...register()[1]!, id: `d${n}`, entry: { ...register()[1]!.entry, title: `Dependent ${n} ${'y'.repeat(100)}` } })),
    ];
    const built = buildIncidentCard({ incident: declared(), entries, entryLink, maxBytes: 8000 });
    expect(cardByteSize(built.card)).toBeLessThanOrEqual(8000);
    expect(built.omittedAffected).toBeGreaterThan(0);
    expect(texts(built.card).join('\n')).toMatch(/and \d+ more in the register/);
  });
});

/** Unescaped Markdown characters in each TextBlock: hostile user text must add none to what benign text gives. */
function specialsPerBlock(card: AdaptiveCard): string[] {
  return texts(card).map((text) => unescapedSpecials(text).join(''));
}

function hostileIncident(payload: string): { incident: Incident; entries: StoredEntry[] } {
  const entries = register({
    title: payload, supplier: payload, supportPhone: payload, supportEmail: payload, supportUrl: payload, supportHours: payload, supportReference: payload,
    downtimeNotice: payload, downtimeWorkaround: payload, downtimePatients: payload, downtimeBackfill: payload, downtimeProcess: payload, escalationRoute: payload,
    owner: { entraId: 'o', displayName: payload, upn: 'o@nhs.net' },
  });
  let incident = declared({ serviceTitle: payload, seen: payload, declaredBy: { displayName: payload, entraId: 'x' } });
  incident = addSupplierReference(incident, { key: incidentUpdateKey(KEY, 1), reference: payload.slice(0, 255), by: payload }, NOW);
  incident = addIncidentUpdate(incident, { key: incidentUpdateKey(KEY, 2), text: payload.slice(0, 2000), by: payload }, NOW);
  incident = restoreIncident(incident, { by: payload, text: payload.slice(0, 2000), cause: payload.slice(0, 4000) }, NOW);
  return { incident, entries };
}

describe('hostile text', () => {
  const benign = hostileIncident('Benign text');
  const benignRoot = specialsPerBlock(buildIncidentCard({ ...benign, entryLink }).card);
  const benignUpdates = benign.incident.updates.map((u) => specialsPerBlock(buildUpdateCard({ incident: benign.incident, updateKey: u.key })));

  it.each(HOSTILE.map((payload) => [payload.slice(0, 60), payload]))('stays inert in every card: %s', (_label, payload) => {
    const { incident, entries } = hostileIncident(payload);
    const root = buildIncidentCard({ incident, entries, entryLink }).card;
    expect(specialsPerBlock(root)).toEqual(benignRoot);
    incident.updates.forEach((update, index) => {
      expect(specialsPerBlock(buildUpdateCard({ incident, updateKey: update.key }))).toEqual(benignUpdates[index]);
    });
    // No link is ever made from user text except the checked contact links.
    for (const action of actions(root)) expect(action.url).toMatch(/^(tel:\+?[0-9]+|mailto:[^<>"\s]+|https:\/\/)/);
    // No HTML tag from user text opens: each `<` arrives backslash-escaped.
    for (const text of texts(root)) expect(text).not.toMatch(/(?<!\\)<(script|img|svg|iframe)/i);
  });

  it.each(URL_PAYLOADS)('never makes a link from the portal %j', (payload) => {
    const { card } = buildIncidentCard({ incident: declared(), entries: register({ supportUrl: payload }), entryLink });
    const urls = actions(card).map((a) => a.url);
    expect(urls.filter((url) => /portal/.test(url) || !/^(tel:|mailto:)/.test(url))).toEqual(
      urls.filter((url) => url === entryLink('1') || url === 'https://desk.icb.nhs.uk/'),
    );
  });
});

describe('buildUpdateCard', () => {
  const withAll = restoreIncident(
    addSupplierReference(addIncidentUpdate(declared(), { key: incidentUpdateKey(KEY, 1), text: 'Supplier says an hour', by: 'Tom Reed' }, new Date('2026-03-02T08:45:00Z')), { key: incidentUpdateKey(KEY, 2), reference: 'INC0012345', by: 'Tom Reed' }, new Date('2026-03-02T08:50:00Z')),
    { by: 'Tom Reed', restoredAt: '2026-03-02T09:20:00Z', text: 'All working again', cause: 'Supplier network fault' },
    NOW,
  );

  it('is short: an update says what, who and when', () => {
    expect(texts(buildUpdateCard({ incident: withAll, updateKey: incidentUpdateKey(KEY, 1) })).map(rendered)).toEqual([
      'Update: EMIS Web (down)', 'Supplier says an hour', 'Tom Reed, 08:45 on 2 March 2026',
    ]);
  });

  it('gives the supplier reference', () => {
    expect(texts(buildUpdateCard({ incident: withAll, updateKey: incidentUpdateKey(KEY, 2) })).map(rendered)).toEqual([
      'Supplier reference for EMIS Web', 'Reference', 'INC0012345', 'Tom Reed, 08:50 on 2 March 2026',
    ]);
  });

  it('says restored, for how long, and why', () => {
    const card = buildUpdateCard({ incident: withAll, updateKey: restoredKey(KEY), entryLink });
    expect(texts(card).map(rendered)).toEqual([
      'EMIS Web is restored',
      'Down for', '1 hour 5 minutes, from 08:15 on 2 March 2026',
      'All working again',
      'Cause', 'Supplier network fault',
      'Supplier reference', 'INC0012345',
      'Tom Reed, 09:20 on 2 March 2026',
    ]);
    expect(actions(card).map((a) => a.url)).toEqual([entryLink('1')]);
  });

  it('refuses a key that is not one of the incident updates', () => {
    expect(() => buildUpdateCard({ incident: withAll, updateKey: incidentUpdateKey(KEY, 9) })).toThrow(RangeError);
  });
});
