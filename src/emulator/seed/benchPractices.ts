/**
 * Many practices at once, for benchmarks of the reminder service: `count` teams, each with a site,
 * a "Digital services" channel, the register list with `entriesPerPractice` entries in varied
 * review states, the old SharePoint reminder ledger list (seed/legacyLedger.ts), two team owners
 * (managers) and three members, the app's bot installed and the site's Sites.Selected grant to the
 * app (owner, as for the demo practice). Deterministic for a given
 * count and day. Written straight into storage, like the demo seed, so it costs no Graph requests.
 *
 * The entries cycle through a pattern of 20 (so 60 entries hold 3 of each): annual review
 * escalated, overdue, due today, due soon (twice), not set; a DPIA review due soon; an access
 * review overdue; one service with no owner; the rest up to date. About 20 reminders per 60 entries.
 */
import { randomUUID } from 'node:crypto';
import type { PersonRef, RegisterEntry } from '@domain';
import { addDays, addMonths, londonDateOf, REGISTER_COLUMNS, REGISTER_LIST_NAME, toColumnDefinition, entryToFields } from '@domain';
import { DEMO_APP } from '../model/appPrincipal';
import type { BotInstallation } from '../model/installations';
import { coerceFields, isoSeconds } from '../model/fieldValues';
import { columnFromDefinition, type ListDoc } from '../model/lists';
import type { EmulatorState } from '../model/state';
import type { ChannelDoc, SiteDoc, TeamDoc } from '../model/teams';
import { identityOf, type UserDoc } from '../model/user';
import { seededGuid, seededRandom } from '../prng';
import { REMINDER_LEDGER_COLUMNS, REMINDER_LEDGER_LIST_NAME } from './legacyLedger';
import { demoEntries } from './registerEntries';
import { grantDemoApp } from './appGrant';

export interface BenchPracticesOptions {
  readonly count: number;
  readonly entriesPerPractice: number;
  /** The practices' name stem (default "Bench Practice"); another stem gives other names, people and ids, so two sets can share a store. */
  readonly label?: string;
}

const DEFAULT_LABEL = 'Bench Practice';

export interface BenchPractice {
  readonly teamId: string;
  readonly name: string;
  readonly channelId: string;
  readonly siteId: string;
  readonly listId: string;
}

const ROLES = [
  ['Practice manager', true],
  ['GP partner', true],
  ['Receptionist', false],
  ['Practice nurse', false],
  ['Digital lead', false],
] as const;

/** `bench` for the default label, else the label's letters in lower case: in upns, channel ids and grant ids. */
const tagOf = (label: string) => (label === DEFAULT_LABEL ? 'bench' : label.toLowerCase().replace(/[^a-z0-9]/g, ''));

function person(practice: number, index: number, random: () => number, label: string): UserDoc {
  const [jobTitle] = ROLES[index] as (typeof ROLES)[number];
  const code = String(practice + 1).padStart(3, '0');
  const given = `${jobTitle.split(' ')[0]}${code}`;
  const upn = `${given.toLowerCase()}.bench${index}@${tagOf(label)}.nhs.net`;
  return {
    id: seededGuid(random), displayName: `${given} Bench${index}`, givenName: given, surname: `Bench${index}`, mail: upn, userPrincipalName: upn,
    jobTitle, department: 'General practice', companyName: `${label} ${code}`, officeLocation: `${label} ${code}`,
    accountEnabled: true, businessPhones: [], mobilePhone: null, preferredLanguage: 'en-GB',
  };
}

/** The entry at `index` of a practice: a demo service with dates set by the pattern above. */
function benchEntry(template: RegisterEntry, index: number, today: string, owners: readonly PersonRef[]): RegisterEntry {
  const slot = index % 20;
  const due = [addDays(today, -35), addDays(today, -10), today, addDays(today, 7), addDays(today, 20)][slot];
  const upToDate = addDays(today, 60 + ((index * 37) % 240));
  const nextReviewDue = slot === 5 ? null : (due ?? upToDate);
  const recent = addMonths(today, -3);
  return {
    ...template,
    title: `${template.title} ${index + 1}`,
    lifecycle: template.lifecycle === 'retired' ? 'live' : template.lifecycle,
    owner: slot === 13 ? null : (owners[index % owners.length] ?? null),
    deputy: null,
    nextReviewDue,
    lastReviewedOn: nextReviewDue === null ? null : addMonths(nextReviewDue, -template.reviewIntervalMonths),
    dpiaDate: slot === 7 ? addDays(addMonths(today, -12), 10) : template.dpiaDate === null ? null : recent,
    lastAccessReview: slot === 11 ? addMonths(today, -13) : recent,
    continuityLastTested: recent,
  };
}

function newList(state: EmulatorState, site: SiteDoc, displayName: string, columns: readonly unknown[], by: UserDoc, random: () => number, at: string): ListDoc {
  const list: ListDoc = {
    id: seededGuid(random), siteId: site.id, teamId: site.teamId, name: displayName.replace(/[^A-Za-z0-9]/g, ''), displayName, description: '',
    template: 'genericList', createdDateTime: at, lastModifiedDateTime: at, createdBy: identityOf(by),
    columns: columns.map((c) => columnFromDefinition(c, seededGuid(random))), nextItemId: 1, changeSeq: 0, epoch: randomUUID(),
  };
  state.storage.put('list', list.id, list, site.id);
  return list;
}

/**
 * Adds the practices and installs the demo app's bot in each (its "Digital services" channel).
 * @returns the practices, in order.
 */
export function seedBenchPractices(state: EmulatorState, options: BenchPracticesOptions): BenchPractice[] {
  const { storage } = state;
  const label = options.label ?? DEFAULT_LABEL;
  const tag = tagOf(label);
  // The default label keeps the seed the benchmarks were measured with.
  const random = seededRandom(3_000 + options.count + (label === DEFAULT_LABEL ? 0 : 7_919 * label.length));
  const at = isoSeconds(state.now());
  const today = londonDateOf(state.now());
  const templates = demoEntries(today);
  const practices: BenchPractice[] = [];
  for (let p = 0; p < options.count; p++) {
    const people = ROLES.map((_role, index) => person(p, index, random, label));
    state.directory.add(people);
    const name = `${label} ${String(p + 1).padStart(3, '0')}`;
    storage.transaction(() => {
      const teamId = seededGuid(random);
      const siteId = `emulator.sharepoint.com,${seededGuid(random)},${seededGuid(random)}`;
      const team: TeamDoc = {
        id: teamId, displayName: name, description: `${name} (benchmark data).`, siteId, createdDateTime: at,
        members: people.map((u, index) => ({ userId: u.id, roles: ROLES[index]?.[1] ? ['owner'] : [] })),
      };
      storage.put('team', teamId, team);
      const channel: ChannelDoc = { id: `19:${tag}${p + 1}digital@thread.tacv2`, teamId, displayName: 'Digital services', description: '', createdDateTime: at };
      storage.put('channel', `${teamId}/${channel.id}`, channel, teamId);
      const site: SiteDoc = { id: siteId, teamId, name: name.replace(/\s/g, ''), displayName: name, webUrl: `https://emulator.sharepoint.com/sites/${name.replace(/\s/g, '')}`, createdDateTime: at };
      storage.put('site', siteId, site);
      const manager = people[0] as UserDoc;
      const register = newList(state, site, REGISTER_LIST_NAME, REGISTER_COLUMNS.map(toColumnDefinition), manager, random, at);
      newList(state, site, REMINDER_LEDGER_LIST_NAME, REMINDER_LEDGER_COLUMNS, manager, random, at);
      const owners = people.map((u) => ({ entraId: u.id, displayName: u.displayName, upn: u.userPrincipalName }));
      for (let i = 0; i < options.entriesPerPractice; i++) {
        const entry = benchEntry(templates[i % templates.length] as RegisterEntry, i, today, owners);
        const current = storage.get<ListDoc>('list', register.id) as ListDoc;
        state.items.create(current, coerceFields(current, { ...entryToFields(entry), EntryKey: seededGuid(random) }, true), identityOf(manager));
      }
      const install: BotInstallation = { appId: DEMO_APP.appId, teamId, channelId: channel.id, tenantId: 'emulator' };
      storage.put('botInstall', `${install.appId}/${teamId}`, install, install.appId);
      grantDemoApp(state, siteId, `${tag}-${p + 1}`);
      practices.push({ teamId, name, channelId: channel.id, siteId, listId: register.id });
    });
  }
  return practices;
}
