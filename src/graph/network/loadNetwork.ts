/**
 * Loading every practice on a network's roster, for the roll-up (docs/network.md), in at most two
 * sequential round trips after the token, each a wave of `$batch` posts sent at once (batchWave.ts):
 *
 *   1. each practice not in the cache: its lists by name; each cached practice: its reads (below),
 *      so a warm load is one round trip;
 *   2. each practice found in (1): its opt-in setting, its register's delta (an enumeration without a
 *      token; with the cached deltaLink a delta with a token, 1 RU) and its open incidents.
 *
 * Consent: a practice is read only when the roster names it AND its own setting admits this network.
 * The opt-in is read in the same wave as the register (reading it first would cost a third round
 * trip on every first load). When the setting does not admit the network, the register's answer is
 * dropped unread: never parsed, returned or cached. The cache then remembers the practice as not
 * opted in (deltaLink ''), and later loads read only its setting, until it admits the network again.
 *
 * Honest failures: each practice's outcome comes from its own answers (403 no-access, 404 not-found,
 * 429/503 after one retry throttled, anything else failed); one practice failing, or waiting out a
 * Retry-After, never fails or holds up the others. Further requests go only to the practice that needs
 * them: the rest of a long collection (nextLinks), a full enumeration after a delta link expired (410),
 * a fresh look-up when the cached list ids are gone (404).
 */
import type { StoredEntry } from '@domain';
import { admitsNetwork, type MemberPractice, type NetworkKind, type PracticeLoad, type UnavailableReason } from '@domain/network';
import type { GraphClient } from '../client';
import { loadRegisterSnapshot } from '../register';
import { batchUrlOf, failureOf, sendWave, type Wave, type WaveAnswer, type WaveRequest } from './batchWave';
import {
  listsRequest,
  membershipFrom,
  membershipRequest,
  NETWORK_REGISTER_EXPAND,
  openIncidentsFrom,
  openIncidentsRequest,
  practiceListsFrom,
  reasonOf,
  registerFrom,
  registerRequest,
  type PracticeLists,
} from './practiceReads';

/** What a load keeps of one practice so that the next load asks only for changes. */
export interface CachedPractice {
  readonly registerListId: string;
  readonly settingsListId: string;
  readonly incidentsListId: string | null;
  /** The register's deltaLink; '' when the practice had not opted in (nothing of its register is kept). */
  readonly deltaLink: string;
  readonly entries: readonly StoredEntry[];
}

export interface NetworkDeltaCache {
  get(practiceSiteId: string): CachedPractice | undefined;
  set(practiceSiteId: string, value: CachedPractice): void;
}

export interface NetworkLoadOptions {
  readonly kind: NetworkKind;
  /** The network's own site id: what a practice's opt-in must name. */
  readonly networkSiteId: string;
  /** Called each time one more practice has settled (loaded, not opted in or unavailable). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly cache?: NetworkDeltaCache;
}

interface Located {
  readonly practice: MemberPractice;
  readonly lists: PracticeLists & { readonly settingsListId: string };
  /** Absent: enumerate the register. deltaLink '': do not read the register unless the practice now admits the network. */
  readonly cached?: CachedPractice;
}

/** The outcome, or 'stale' when the cached list ids no longer hold (look the lists up again). */
type Settled = PracticeLoad | 'stale';

function unavailable(practice: MemberPractice, reason: UnavailableReason, detail: string): PracticeLoad {
  return { state: 'unavailable', practice, reason, detail };
}

function failedFrom(practice: MemberPractice, answer: WaveAnswer & { ok: false }, what: string): PracticeLoad {
  return unavailable(practice, reasonOf(answer.status), `${what}: ${answer.message}`);
}

/** A cached entry usable here: its deltaLink (if any) is on this client's own origin. */
function usableCache(client: GraphClient, practice: MemberPractice, options: NetworkLoadOptions): CachedPractice | undefined {
  const cached = options.cache?.get(practice.key);
  return cached && (cached.deltaLink === '' || batchUrlOf(client, cached.deltaLink) !== null) ? cached : undefined;
}

function readRequests(tag: string, target: Located, kind: NetworkKind, client: GraphClient): WaveRequest[] {
  const { practice, lists, cached } = target;
  const requests = [membershipRequest(`${tag}.membership`, practice.key, lists.settingsListId, kind)];
  if (cached?.deltaLink === '') return requests;
  requests.push(registerRequest(`${tag}.register`, practice.key, lists.registerListId, cached ? batchUrlOf(client, cached.deltaLink) : null));
  if (lists.incidentsListId !== null) requests.push(openIncidentsRequest(`${tag}.incidents`, practice.key, lists.incidentsListId));
  return requests;
}

/** The register's answer as entries and a deltaLink; a 410 (the link expired) falls back to a full enumeration of this practice only. */
async function registerOf(client: GraphClient, target: Located, answer: WaveAnswer): Promise<{ entries: readonly StoredEntry[]; deltaLink: string } | WaveAnswer> {
  if (answer.ok) return registerFrom(client, answer.body, target.cached?.entries ?? []);
  if (answer.status !== 410 || !target.cached) return answer;
  try {
    return await loadRegisterSnapshot(client, { siteId: target.practice.key, listId: target.lists.registerListId }, NETWORK_REGISTER_EXPAND);
  } catch (error) {
    return failureOf(error);
  }
}

/** One practice's outcome from its answers in `wave` (requests tagged `tag`). */
async function settleReads(client: GraphClient, wave: Wave, tag: string, target: Located, options: NetworkLoadOptions): Promise<Settled> {
  const { practice, lists, cached } = target;
  const membershipAnswer = await wave.answer(`${tag}.membership`);
  if (!membershipAnswer.ok) return cached && membershipAnswer.status === 404 ? 'stale' : failedFrom(practice, membershipAnswer, "The practice's settings");
  const membership = await membershipFrom(client, membershipAnswer.body, options.kind);
  const ids = { registerListId: lists.registerListId, settingsListId: lists.settingsListId, incidentsListId: lists.incidentsListId };
  if (!admitsNetwork(membership, options.networkSiteId)) {
    // Not opted in: whatever the register answered is dropped unread.
    options.cache?.set(practice.key, { ...ids, deltaLink: '', entries: [] });
    return { state: 'not-opted-in', practice, membership };
  }
  // Opted in since the last load, which read only the setting: now read the register (one more round trip, this practice only).
  if (cached?.deltaLink === '') return readGroup(client, [{ practice, lists }], options)[0] as Promise<Settled>;

  const register = await registerOf(client, target, await wave.answer(`${tag}.register`));
  if ('ok' in register) {
    if (register.ok) return unavailable(practice, 'failed', 'Graph answered the register without a delta.');
    return cached && register.status === 404 ? 'stale' : failedFrom(practice, register, "The practice's register");
  }
  let openIncidents = null;
  if (lists.incidentsListId !== null) {
    const incidents = await wave.answer(`${tag}.incidents`);
    // Incidents that cannot be read are "not known" (null), never "none", and never hide the register.
    openIncidents = incidents.ok ? await openIncidentsFrom(client, incidents.body) : null;
  }
  options.cache?.set(practice.key, { ...ids, deltaLink: register.deltaLink, entries: register.entries });
  return { state: 'loaded', practice, membership: membership as NonNullable<typeof membership>, entries: register.entries, openIncidents };
}

/** Sends one wave of reads for `targets` and settles each on its own answers. */
function readGroup(client: GraphClient, targets: readonly Located[], options: NetworkLoadOptions): Promise<Settled>[] {
  const wave = sendWave(client, targets.flatMap((target, index) => readRequests(`r${index}`, target, options.kind, client)));
  return targets.map((target, index) => guarded(target.practice, settleReads(client, wave, `r${index}`, target, options)));
}

/** The practice's lists from its answer in the first wave, as a read target or the outcome that ends it. */
async function locate(client: GraphClient, practice: MemberPractice, answer: WaveAnswer): Promise<Located | PracticeLoad> {
  if (!answer.ok) return failedFrom(practice, answer, "The practice's site");
  const lists = await practiceListsFrom(client, answer.body);
  if (lists === null) return unavailable(practice, 'not-found', "The practice's site has no Digital Services Register list.");
  // No settings list: the practice has never opted in to anything, and nothing else is read.
  if (lists.settingsListId === null) return { state: 'not-opted-in', practice, membership: null };
  return { practice, lists: { ...lists, settingsListId: lists.settingsListId } };
}

/** Any error while settling (a page that failed, an unreadable item) makes this practice unavailable, never the load. */
async function guarded(practice: MemberPractice, settling: Promise<Settled>): Promise<Settled> {
  try {
    return await settling;
  } catch (error) {
    return failedFrom(practice, failureOf(error) as WaveAnswer & { ok: false }, 'Reading the practice');
  }
}

async function located(client: GraphClient, practice: MemberPractice, answer: WaveAnswer): Promise<Located | PracticeLoad> {
  try {
    return await locate(client, practice, answer);
  } catch (error) {
    return failedFrom(practice, failureOf(error) as WaveAnswer & { ok: false }, "The practice's lists");
  }
}

function isLocated(value: Located | PracticeLoad): value is Located {
  return !('state' in value);
}

/** A practice read without its cache cannot be stale; should it answer so, it is a failure. */
function final(practice: MemberPractice, settled: Settled): PracticeLoad {
  return settled === 'stale' ? unavailable(practice, 'not-found', "The practice's lists were not found.") : settled;
}

/** Loads `practices`, each a promise of its own outcome. */
function loadGroup(client: GraphClient, practices: readonly MemberPractice[], options: NetworkLoadOptions, useCache: boolean): Promise<PracticeLoad>[] {
  const targets = practices.map((practice): Located | { practice: MemberPractice; cached?: undefined } => {
    const cached = useCache ? usableCache(client, practice, options) : undefined;
    return cached ? { practice, lists: cached, cached } : { practice };
  });
  const tag = (index: number) => `p${index}`;
  // Round trip 1: the lists of each practice not cached; the reads of each cached one.
  const first = sendWave(
    client,
    targets.flatMap((target, index) => (target.cached ? readRequests(tag(index), target as Located, options.kind, client) : [listsRequest(`${tag(index)}.lists`, target.practice.key)])),
  );
  // What the first wave's batches answered for each practice not cached (undefined: throttled, being retried on its own).
  const found = first.direct.then((direct) =>
    Promise.all(
      targets.map((target, index) => {
        const answer = target.cached ? undefined : direct.get(`${tag(index)}.lists`);
        return answer === undefined ? undefined : located(client, target.practice, answer);
      }),
    ),
  );
  // Round trip 2: the reads of every practice found, together.
  const second = found.then((all) => {
    const ready = all.flatMap((value, index) => (value !== undefined && isLocated(value) ? [{ index, target: value }] : []));
    const settling = readGroup(client, ready.map(({ target }) => target), options);
    return new Map(ready.map(({ index }, k) => [index, settling[k] as Promise<Settled>]));
  });

  return targets.map(async (target, index): Promise<PracticeLoad> => {
    const { practice } = target;
    if (target.cached) {
      const settled = await guarded(practice, settleReads(client, first, tag(index), target as Located, options));
      return settled === 'stale' ? (loadGroup(client, [practice], options, false)[0] as Promise<PracticeLoad>) : settled;
    }
    const value = (await found)[index];
    if (value === undefined) {
      // Throttled in the first wave: after its own retry, its reads go on their own.
      const retried = await located(client, practice, await first.answer(`${tag(index)}.lists`));
      return isLocated(retried) ? final(practice, await (readGroup(client, [retried], options)[0] as Promise<Settled>)) : retried;
    }
    return isLocated(value) ? final(practice, await ((await second).get(index) as Promise<Settled>)) : value;
  });
}

/**
 * Loads every practice on the roster (see the top of this file). Never rejects for one practice:
 * each settles as loaded, not-opted-in or unavailable, in the roster's order.
 */
export async function loadNetwork(client: GraphClient, roster: readonly MemberPractice[], options: NetworkLoadOptions): Promise<PracticeLoad[]> {
  let done = 0;
  return Promise.all(
    loadGroup(client, roster, options, true).map(async (loading) => {
      const load = await loading;
      done += 1;
      options.onProgress?.(done, roster.length);
      return load;
    }),
  );
}

/** Loads one practice again (the view's Retry), with the cache as loadNetwork uses it. */
export async function loadPractice(client: GraphClient, practice: MemberPractice, options: NetworkLoadOptions): Promise<PracticeLoad> {
  const [load] = await loadNetwork(client, [practice], options);
  return load as PracticeLoad;
}
