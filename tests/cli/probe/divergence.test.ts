/**
 * Each step of the probe, against an emulator made to answer the way a real tenant might differ
 * (through the rewriting proxy in front of it): the probe must report the failure on the right step,
 * with Graph's status and code, say what the product does about it, and exit non-zero only when the
 * product depends on what failed.
 */
import { startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { probe, withOutcome, type ProbeOutcome } from './harness';
import { mapBatch, mapBatchList, withFields, withoutHeader } from './answers';
import { graphError, type Rewrite } from './rewritingProxy';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 500 });
});
afterAll(() => emulator.close());

const SITE_BY_PATH = /^\/v1\.0\/sites\/emulator\.sharepoint\.com:\//;
const SITE_BY_ID = /^\/v1\.0\/sites\/emulator\.sharepoint\.com,[^/?]+$/;
const LISTS = /^\/v1\.0\/sites\/[^/]+\/lists$/;
const ITEMS = /\/lists\/[^/]+\/items$/;
const FIELDS = /\/items\/\d+\/fields$/;
const MEMBERS = /^\/v1\.0\/teams\/[^/]+\/members$/;
const MESSAGES = /\/channels\/[^/]+\/messages$/;

/** The claims of the bearer token of a request (either token format the emulator issues). */
function isAppOnly(headers: Record<string, string | string[] | undefined>): boolean {
  const token = String(headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  return token.split('.').some((part) => {
    try {
      const claims = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { idtyp?: string };
      return claims.idtyp === 'app';
    } catch {
      return false;
    }
  });
}

const refuse = (status: number, code: string, message = 'Refused by the test tenant.'): Pick<Rewrite, 'respond'> => ({ respond: () => graphError(status, code, message) });

interface Case {
  readonly name: string;
  readonly rules: readonly Rewrite[];
  readonly step: string;
  readonly outcome: 'fail' | 'warn' | 'skip' | 'pass';
  readonly status?: number;
  readonly code?: string;
  readonly advice?: RegExp;
  readonly detail?: RegExp;
  readonly exitCode: number;
  readonly also?: (outcome: ProbeOutcome) => void;
}

const cases: Case[] = [
  {
    name: 'the app-only sign-in is refused (certificate not uploaded)',
    rules: [{ method: 'POST', path: /^\/emulator\/token$/, when: (body) => typeof (body as { appId?: unknown }).appId === 'string', respond: () => ({ status: 400, headers: { 'content-type': 'application/json' }, body: { error: 'invalid_client', error_description: 'AADSTS700027: certificate not registered' } }) }],
    step: 'sign-in-app', outcome: 'fail', advice: /certificate in CERTIFICATE_PATH is uploaded/, exitCode: 1,
    also: (o) => expect(o.step('site-app-only').detail).toMatch(/needs sign-in-app/),
  },
  {
    name: 'the delegated sign-in is refused (no admin consent)',
    rules: [{ method: 'POST', path: /^\/emulator\/token$/, when: (body) => typeof (body as { upn?: unknown }).upn === 'string', respond: () => graphError(400, 'invalid_grant', 'AADSTS65001: consent required') }],
    step: 'sign-in-user', outcome: 'fail', advice: /grant admin consent/, exitCode: 1,
    also: (o) => expect(o.step('list-create').outcome).toBe('skip'),
  },
  {
    name: 'the signed-in person is in no team',
    rules: [{ method: 'GET', path: /^\/v1\.0\/me\/joinedTeams/, respond: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { value: [] } }) }],
    step: 'workspace', outcome: 'fail', detail: /in no team/, advice: /PROBE_TEAM_ID/, exitCode: 1,
    also: (o) => expect(o.step('members-delegated').outcome).toBe('skip'),
  },
  {
    name: 'the tenant granted Sites.Read.All: the group path answers',
    rules: [{ method: 'GET', path: /^\/v1\.0\/groups\/[^/]+\/sites\/root/, respond: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { id: 'x', displayName: 'Practice', webUrl: 'https://emulator.sharepoint.com/sites/RiversideMedicalPractice' } }) }],
    step: 'site-by-group', outcome: 'pass', detail: /GROUP_SITE_LOOKUP=granted/, exitCode: 0,
  },
  {
    name: 'the first-open batch cannot read the site',
    rules: [{ method: 'POST', path: /^\/v1\.0\/\$batch$/, when: (body) => JSON.stringify(body).includes('"id":"settings"'), transform: (a) => mapBatch(a, (r) => (r.id === 'site' ? { ...r, status: 403, body: { error: { code: 'accessDenied', message: 'x' } } } : r)) }],
    step: 'batch-first-open', outcome: 'fail', detail: /site 403/, advice: /first load/, exitCode: 1,
  },
  {
    name: 'saving with the current eTag is refused',
    rules: [{ method: 'PATCH', path: FIELDS, times: 1, ...refuse(403, 'accessDenied') }],
    step: 'item-update-fresh', outcome: 'fail', status: 403, advice: /Saving an edited entry fails/, exitCode: 1,
    also: (o) => expect(o.step('item-update-stale').outcome).toBe('skip'),
  },
  {
    name: 'If-Match with fields@odata.etag is accepted (a fact only)',
    rules: [{ method: 'PATCH', path: FIELDS, skip: 2, times: 1, respond: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { '@odata.etag': '"x,3"' } }) }],
    step: 'item-fields-etag', outcome: 'pass', detail: /^accepted/, exitCode: 0,
    also: (o) => expect(o.facts?.etag.fieldsETagIfMatchStatus).toBe(200),
  },
  {
    name: 'a delete with a stale eTag is accepted',
    rules: [{ method: 'DELETE', path: /\/items\/1$/, times: 1, respond: () => ({ status: 204, headers: {}, body: undefined }) }],
    step: 'item-delete', outcome: 'fail', detail: /stale eTag was accepted/, advice: /delete an entry someone else had just changed/, exitCode: 1,
  },
  {
    name: 'the site is not granted to the app (Sites.Selected without a grant)',
    rules: [{ method: 'GET', path: SITE_BY_PATH, ...refuse(403, 'accessDenied', 'Access denied') }],
    step: 'site-from-url', outcome: 'fail', status: 403, code: 'accessDenied', advice: /tenant admin must grant the app on it/, exitCode: 1,
    also: (o) => {
      expect(o.step('list-create').outcome).toBe('skip');
      // The line a person reads, with the request-id Microsoft support asks for.
      expect(o.output).toMatch(/^FAIL {2}Site from its URL.*\[site-from-url\] 403 accessDenied {2}request-id proxy-0000$/m);
    },
  },
  {
    name: 'the site refuses the app-only identity',
    rules: [{ method: 'GET', path: SITE_BY_ID, when: (_b, h) => isAppOnly(h), ...refuse(403, 'accessDenied') }],
    step: 'site-app-only', outcome: 'fail', status: 403, advice: /application permission Sites\.Selected needs admin consent/, exitCode: 1,
  },
  {
    name: 'the grant is `write`: lists cannot be created',
    rules: [{ method: 'POST', path: LISTS, ...refuse(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.') }],
    step: 'list-create', outcome: 'fail', status: 403, code: 'accessDenied', advice: /`fullcontrol` \(or `owner`\) while the practice sets up/, exitCode: 1,
    also: (o) => {
      expect(o.facts?.grants.createListStatus).toBe(403);
      expect(o.step('item-create').outcome).toBe('skip');
    },
  },
  {
    name: 'columns cannot be added',
    rules: [{ method: 'POST', path: /\/columns$/, ...refuse(403, 'accessDenied') }],
    step: 'column-create', outcome: 'fail', status: 403, advice: /fullcontrol/, exitCode: 1,
  },
  {
    name: 'items cannot be created (a read grant)',
    rules: [{ method: 'POST', path: ITEMS, ...refuse(403, 'accessDenied') }],
    step: 'item-create', outcome: 'fail', status: 403, advice: /at least `write`/, exitCode: 1,
  },
  {
    name: 'the unique EntryKey column is not enforced (a second create succeeds)',
    rules: [{ method: 'POST', path: ITEMS, skip: 1, times: 1, respond: () => ({ status: 201, headers: { 'content-type': 'application/json' }, body: { id: '99', eTag: '"{00000000-0000-4000-8000-000000000099},1"', fields: { '@odata.etag': '"{00000000-0000-4000-8000-000000000099},1"', Title: 'Probe: repeated create' } } }) }],
    step: 'key-lookup', outcome: 'fail', detail: /did not enforce the unique EntryKey column/, advice: /duplicate entry/, exitCode: 1,
  },
  {
    name: 'the key lookup is refused (column not indexed)',
    rules: [{ method: 'GET', path: /\$filter=fields%2FEntryKey/, ...refuse(400, 'invalidRequest', "Field 'EntryKey' cannot be referenced in filter or orderby as it is not indexed.") }],
    step: 'key-lookup', outcome: 'fail', status: 400, code: 'invalidRequest', advice: /indexed/, exitCode: 1,
  },
  {
    name: 'a stale If-Match is accepted',
    rules: [{ method: 'PATCH', path: FIELDS, skip: 1, times: 1, respond: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { '@odata.etag': '"x,9"' } }) }],
    step: 'item-update-stale', outcome: 'fail', detail: /stale write was accepted/, advice: /overwrite each other/, exitCode: 1,
  },
  {
    name: 'versions are not available',
    rules: [{ method: 'GET', path: /\/versions\?/, ...refuse(403, 'accessDenied') }],
    step: 'versions', outcome: 'warn', status: 403, advice: /History dialog shows an error/, exitCode: 0,
  },
  {
    name: 'the register refuses the app-only identity (the grant names another app)',
    rules: [{ method: 'GET', path: /\/items\?\$top=/, when: (_b, h) => isAppOnly(h), ...refuse(403, 'accessDenied') }],
    step: 'items-app-only', outcome: 'fail', status: 403, advice: /reminder service cannot read the register/, exitCode: 1,
  },
  {
    name: 'a date-only column comes back a day out',
    rules: [{ method: 'GET', path: /\/items\/\d+\?expand=fields\(select%3DDpiaDate/, times: 1, transform: (a) => withFields(a, { DpiaDate: '2025-03-31T00:00:00Z' }) }],
    step: 'dates', outcome: 'fail', detail: /2025-03-30 -> 2025-03-31T00:00:00Z \(2025-03-31\)/, advice: /a day out/, exitCode: 1,
  },
  {
    name: 'the delta enumeration is refused',
    rules: [{ method: 'GET', path: /\/items\/delta\?\$top=/, ...refuse(400, 'invalidRequest') }],
    step: 'delta-no-token', outcome: 'fail', status: 400, advice: /first load/, exitCode: 1,
  },
  {
    name: 'a delta token expires at once (410)',
    rules: [{ method: 'GET', path: /\/items\/delta\?(?!.*token=latest).*token=/, ...refuse(410, 'resyncRequired', 'Resync required.') }],
    step: 'delta-token', outcome: 'fail', status: 410, code: 'resyncRequired', advice: /expired at once/, exitCode: 1,
  },
  {
    name: 'an inner request of the cold-start batch is refused',
    rules: [{ method: 'POST', path: /^\/v1\.0\/\$batch$/, when: (body) => JSON.stringify(body).includes('"id":"items"'), transform: (a) => mapBatch(a, (r) => (r.id === 'members' ? { ...r, status: 403, body: { error: { code: 'Forbidden', message: 'x' } } } : r)) }],
    step: 'batch-cold-start', outcome: 'fail', detail: /members 403/, advice: /asked again on its own/, exitCode: 1,
  },
  {
    // Sorted by id, descending: never the order asked (me, members, items), whatever the emulator's own shuffle.
    name: 'the batch answers come back in another order',
    rules: [{ method: 'POST', path: /^\/v1\.0\/\$batch$/, transform: (a) => mapBatchList(a, (list) => [...list].sort((x, y) => String(y.id).localeCompare(String(x.id)))) }],
    step: 'batch-cold-start', outcome: 'pass', detail: /in another order/, exitCode: 0,
    also: (o) => expect(o.facts?.batch.answeredInOrder).toBe(false),
  },
  {
    name: 'directory search is refused',
    rules: [{ method: 'GET', path: /^\/v1\.0\/users\?/, when: (_b, h) => h.consistencylevel === 'eventual', ...refuse(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.') }],
    step: 'search-consistency', outcome: 'fail', status: 403, code: 'Authorization_RequestDenied', advice: /owner picker says the directory search failed/, exitCode: 1,
  },
  {
    name: 'the tenant answers $search without ConsistencyLevel',
    rules: [{ method: 'GET', path: /^\/v1\.0\/users\?/, when: (_b, h) => h.consistencylevel === undefined, respond: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: { value: [] } }) }],
    step: 'search-no-consistency', outcome: 'pass', detail: /does not require the header/, exitCode: 0,
    also: (o) => expect(o.facts?.search.withoutConsistencyLevelStatus).toBe(200),
  },
  {
    name: '/me/people is refused',
    rules: [{ method: 'GET', path: /^\/v1\.0\/me\/people/, ...refuse(403, 'ErrorAccessDenied') }],
    step: 'people', outcome: 'warn', status: 403, advice: /does not rank the people you work with first/, exitCode: 0,
  },
  {
    name: 'team members are refused to the signed-in user',
    rules: [{ method: 'GET', path: MEMBERS, when: (_b, h) => !isAppOnly(h), ...refuse(403, 'Forbidden') }],
    step: 'members-delegated', outcome: 'fail', status: 403, advice: /without them the register does not open/, exitCode: 1,
  },
  {
    name: 'RSC TeamMember.Read.Group was not consented (group-owner consent off)',
    rules: [{ method: 'GET', path: MEMBERS, when: (_b, h) => isAppOnly(h), ...refuse(403, 'Forbidden', 'Missing role permissions on the request.') }],
    step: 'members-rsc', outcome: 'warn', status: 403, advice: /still posts the digest.*group-owner consent/, exitCode: 0,
  },
  {
    name: 'the signed-in user may not post in the channel',
    rules: [{ method: 'POST', path: MESSAGES, times: 1, ...refuse(403, 'Forbidden') }],
    step: 'channel-post', outcome: 'fail', status: 403, advice: /"Post now" in the tab fails.*bot is unaffected/, exitCode: 1,
  },
  {
    name: 'a card mention in a delegated post is refused',
    rules: [{ method: 'POST', path: MESSAGES, when: (body) => JSON.stringify(body).includes('\\"type\\":\\"mention\\"'), ...refuse(400, 'BadRequest', 'Mentions in cards are not supported.') }],
    step: 'channel-post-card-mentions', outcome: 'pass', detail: /refused with 400/, exitCode: 0,
    also: (o) => {
      expect(o.facts?.mentions.cardMentionsDelegatedStatus).toBe(400);
      expect(o.step('channel-post').outcome).toBe('pass');
    },
  },
  {
    name: 'the activity notification is refused (app not installed for the recipient)',
    rules: [{ method: 'POST', path: /sendActivityNotification$/, ...refuse(403, 'Forbidden', 'The app is not installed for the recipient.') }],
    step: 'activity-notification', outcome: 'fail', status: 403, advice: /must be installed in the team/, exitCode: 1,
  },
  {
    name: 'the bot is not installed in the team',
    rules: [{ method: 'POST', path: /\/emulator\/botframework\/v3\/conversations$/, ...refuse(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.') }],
    step: 'bot-post', outcome: 'skip', detail: /not installed/, advice: /Add the app to the team/, exitCode: 0,
  },
  {
    name: 'the Bot Connector refuses the app token (bot registered as another app)',
    rules: [{ method: 'POST', path: /\/emulator\/botframework\/v3\/conversations$/, ...refuse(401, 'Unauthorized', 'Authorization has been denied for this request.') }],
    step: 'bot-post', outcome: 'fail', status: 401, advice: /same app id/, exitCode: 1,
  },
  {
    name: 'Graph gives no CORS answer to a page',
    rules: [{ method: 'GET', path: /^\/v1\.0\//, when: (_b, h) => h.origin !== undefined, transform: (a) => withoutHeader(a, 'access-control-allow-origin') }],
    step: 'cors', outcome: 'fail', detail: /no Access-Control-Allow-Origin/, advice: /cannot call Graph from the browser/, exitCode: 1,
  },
  {
    name: 'the scratch list cannot be deleted',
    rules: [{ method: 'DELETE', path: /\/lists\/[^/]+$/, ...refuse(403, 'accessDenied') }],
    step: 'cleanup', outcome: 'warn', status: 403, advice: /delete it by hand/, exitCode: 0,
  },
];

describe('the probe against a tenant that answers differently', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const outcome = await probe(emulator.url, { rules: c.rules });
    const result = outcome.step(c.step);
    expect({ step: result.id, outcome: result.outcome }).toEqual({ step: c.step, outcome: c.outcome });
    if (c.status !== undefined) expect(result.status).toBe(c.status);
    if (c.code !== undefined) expect(result.code).toBe(c.code);
    if (c.advice) expect(result.advice).toMatch(c.advice);
    if (c.detail) expect(result.detail).toMatch(c.detail);
    // What the person reads: the step's line names it, and the advice is printed under it.
    if (c.advice) expect(outcome.output).toContain(`-> ${result.advice}`);
    expect(outcome.run.exitCode).toBe(c.exitCode);
    // Nothing else failed because of it, other than steps that needed it (skipped).
    expect(withOutcome(outcome, 'fail').filter((id) => id !== c.step)).toEqual([]);
    c.also?.(outcome);
  });
});

