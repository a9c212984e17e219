/**
 * The demo Primary Care Network every fresh emulator starts with, beside the demo practice
 * (demoPractice.ts): "Northgate PCN" and its five practices, Riverside Medical Practice (the demo
 * practice itself) and four more. Four have opted in to the PCN; Castle Street Surgery is on the
 * PCN's roster but has not. Tests, the e2e suite and the docs name these constants, so the ids are
 * fixed. The seeding is in demoNetworkSeed.ts; each practice's register in demoNetworkRegisters.ts.
 *
 * Access, as a tenant sets it up (docs/network.md): every practice site has the PCN's team in its
 * Visitors (SharePoint's Read level: model/siteVisitors.ts), the PCN site has every roster
 * practice's team in its Visitors, and the register app holds an `owner` Sites.Selected grant on
 * every one of the sites. The lead is a member and owner of the PCN team only.
 */
import { DEMO, type DemoPerson } from './demoPractice';

export interface DemoNetworkPractice {
  /** The practice site's id: the roster item's key. */
  readonly key: string;
  readonly name: string;
  readonly teamId: string;
  readonly siteUrl: string;
  readonly odsCode: string;
  /** True when the practice's own settings hold `network.pcn` joined with the PCN's site id. */
  readonly optedIn: boolean;
  readonly channelId: string;
  readonly registerListId: string;
  readonly settingsListId: string;
  /** The practice's incidents list, with one open incident; null when it has none. */
  readonly incidentsListId: string | null;
}

function person(id: string, givenName: string, surname: string, jobTitle: string, role: string): DemoPerson {
  const displayName = `${givenName} ${surname}`;
  return { id, upn: `${givenName}.${surname}@nhs.net`.toLowerCase(), displayName, givenName, surname, jobTitle, role, teamRole: 'owner' };
}

const PCN_NAME = 'Northgate PCN';
const HOST = 'https://emulator.sharepoint.com/sites';
const siteId = (n: string) => `emulator.sharepoint.com,1a2b3c4d-0000-4000-8000-0000000001${n},1a2b3c4d-0000-4000-8000-0000000002${n}`;
const listId = (n: string) => `2b3c4d5e-0000-4000-8000-0000000001${n}`;
const teamId = (n: string) => `7c1d2e3f-4a5b-4c6d-8e7f-0000000001${n}`;

/** A new practice of the network: its ids follow from `n` (one digit, unique per practice). */
function practice(n: string, name: string, odsCode: string, optedIn: boolean, withIncidents: boolean): DemoNetworkPractice {
  const path = name.replace(/[^A-Za-z0-9]/g, '');
  return {
    key: siteId(`1${n}`), name, teamId: teamId(`1${n}`), siteUrl: `${HOST}/${path}`, odsCode, optedIn,
    channelId: `19:digitalservices1${n}@thread.tacv2`,
    registerListId: listId(`a${n}`), settingsListId: listId(`b${n}`), incidentsListId: withIncidents ? listId(`c${n}`) : null,
  };
}

const riverside: DemoNetworkPractice = {
  key: DEMO.site.id, name: DEMO.organisation, teamId: DEMO.team.id, siteUrl: DEMO.site.webUrl, odsCode: 'B86001', optedIn: true,
  channelId: DEMO.channel.id, registerListId: DEMO.registerListId, settingsListId: DEMO.settingsListId, incidentsListId: null,
};

/** The staff of the four new practices, by practice name: the practice manager (team owner) first. */
export const DEMO_NETWORK_STAFF: Readonly<Record<string, readonly DemoPerson[]>> = {
  'Northgate Surgery': [
    person('5f0c1a2e-7b3d-4c8e-9a10-000000000111', 'Bronwen', 'Fairclough', 'Practice manager', 'Practice manager, Northgate Surgery'),
    person('5f0c1a2e-7b3d-4c8e-9a10-000000000112', 'Tariq', 'Haldane', 'GP partner', 'GP partner, Northgate Surgery'),
  ],
  'Hillside Health Centre': [
    person('5f0c1a2e-7b3d-4c8e-9a10-000000000121', 'Esther', 'Quayle', 'Practice manager', 'Practice manager, Hillside Health Centre'),
    person('5f0c1a2e-7b3d-4c8e-9a10-000000000122', 'Rohan', 'Pemberton', 'Digital lead', 'Digital lead, Hillside Health Centre'),
  ],
  'Brook Lane Practice': [
    person('5f0c1a2e-7b3d-4c8e-9a10-000000000131', 'Ffion', 'Atherton', 'Practice manager', 'Practice manager, Brook Lane Practice'),
    person('5f0c1a2e-7b3d-4c8e-9a10-000000000132', 'Callum', 'Brierley', 'Operations manager', 'Operations manager, Brook Lane Practice'),
  ],
  'Castle Street Surgery': [
    person('5f0c1a2e-7b3d-4c8e-9a10-000000000141', 'Maeve', 'Kettering', 'Practice manager', 'Practice manager, Castle Street Surgery'),
    person('5f0c1a2e-7b3d-4c8e-9a10-000000000142', 'Ravi', 'Sutcliffe', 'GP partner', 'GP partner, Castle Street Surgery'),
  ],
};

export const DEMO_NETWORK = {
  pcn: {
    teamId: teamId('00'),
    siteId: siteId('00'),
    siteUrl: `${HOST}/NorthgatePCN`,
    name: PCN_NAME,
    description: 'Northgate Primary Care Network: digital and transformation (demo data).',
    channelId: '19:pcndigitalservices00@thread.tacv2',
    registerListId: listId('a0'),
    settingsListId: listId('b0'),
    practicesListId: listId('d0'),
    commentsListId: listId('e0'),
  },
  /** The PCN's digital and transformation lead: a member and owner of the PCN team only; can sign in locally. */
  lead: person('5f0c1a2e-7b3d-4c8e-9a10-000000000100', 'Imogen', 'Ashworth', 'PCN digital and transformation lead', 'PCN digital and transformation lead (Northgate PCN team owner)'),
  /** The roster, in order: Riverside (the demo practice) first; Castle Street Surgery has not opted in. */
  practices: [
    riverside,
    practice('1', 'Northgate Surgery', 'B86002', true, false),
    practice('2', 'Hillside Health Centre', 'B86003', true, true),
    practice('3', 'Brook Lane Practice', 'B86004', true, true),
    practice('4', 'Castle Street Surgery', 'B86005', false, false),
  ] as readonly DemoNetworkPractice[],
} as const;
