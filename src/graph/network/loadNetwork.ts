/**
 * Loading every practice on a network's roster, for the roll-up (docs/network.md). Each round trip is
 * a wave of `$batch` posts sent at once (batchWave.ts); the count is after the token.
 *
 * Consent: a practice's register and incidents are requested only after its own setting, read in an
 * EARLIER wave, admits this network (the roster naming it is not enough). A practice that does not
 * admit the network has nothing requested but its lists and its setting.
 *
 * First load (a practice not in the cache), two round trips when the roster knows the practice's
 * settings list (MemberPractice.settingsListId, recorded by addToRoster):
 *
 *   1. its lists by name and, with the roster's settings list id, its opt-in setting;
 *   2. only when (1)'s setting admits the network: its register's delta (an enumeration without a
 *      token) and its open incidents (list ids from (1)'s lists).
 *
 * When the roster does not know the settings list (settingsListId '', e.g. the site could not be read
 * when the practice was added), or its id is no longer the one the lists answer names, or it answers
 * 404 (stale), the setting is read in (2) with the id from (1)'s lists, and the register and incidents
 * in a third round trip for that practice only: one more round trip, only for practices the roster
 * knows too little about. A site with no settings list has never opted in, and ends after (1).
 *
 * Later loads (a practice in the cache), one round trip: its setting and, only for a practice cached
 * as admitted (deltaLink not ''), its register's delta with the cached token (1 RU) and its open
 * incidents, in the same wave as the uncached practices' (1). A practice cached as not admitted has
 * only its setting read; when it now admits the network, its register and incidents follow in one more
 * round trip, for it only. The single exception to "nothing before the setting": a practice cached as
 * admitted that has withdrawn since the last load has, in the one wave where the withdrawal is seen,
 * its delta with the token (changes since the last load) and its open-incidents query requested beside
 * its setting. Those two answers are dropped unread (never parsed, returned or cached), the cache
 * forgets its entries (deltaLink ''), and no later load requests its register until it admits the
 * network again. Avoiding it would cost every warm load a second round trip ($batch dependsOn orders
 * requests but cannot make one depend on what another answered).
 *
 * Honest failures: each practice's outcome comes from its own answers (403 no-access, 404 not-found,
 * 429/503 after one retry throttled, anything else failed); one practice failing, or waiting out a
 * Retry-After, never fails or holds up the others (a practice throttled in (1) goes on on its own).
 * Further requests go only to the practice that needs them: the rest of a long collection
 * (nextLinks), a full enumeration after a delta link expired (410), a fresh look-up when the cached
 * list ids are gone (404).
 */
import type { StoredEntry } from '@domain';
import { admitsNetwork, type MemberPractice, type NetworkMembership, type PracticeLoad, type UnavailableReason } from '@domain/network';
import type { GraphClient } from '../client';
import { loadRegisterSnapshot } from '../register';
import { failureOf, sendWave, type Wave, type WaveAnswer } from './batchWave';
import { cachedRequests, coldRequests, idsOf, registerRequests, settingRequest, usableCache, type Located, type NetworkLoadOptions } from './loadPlan';
import { membershipFrom, NETWORK_REGISTER_EXPAND, openIncidentsFrom, practiceListsFrom, reasonOf, registerFrom } from './practiceReads';

export type { CachedPractice, NetworkDeltaCache, NetworkLoadOptions } from './loadPlan';

/** What a practice needs next: its setting, or (its setting admitting the network) its register and incidents. */
type Step =
  | { readonly next: 'membership'; readonly target: Located }
  | { readonly next: 'register'; readonly target: Located; readonly membership: NetworkMembership };

/** The outcome, or 'stale' when the cached list ids no longer hold (look the lists up again). */
type Settled = PracticeLoad | 'stale';

function unavailable(practice: MemberPractice, reason: UnavailableReason, detail: string): PracticeLoad {
  return { state: 'unavailable', practice, reason, detail };
}

function failedFrom(practice: MemberPractice, answer: WaveAnswer & { ok: false }, what: string): PracticeLoad {
  return unavailable(practice, reasonOf(answer.status), `${what}: ${answer.message}`);
}

function isStep(value: Step | Settled | undefined): value is Step {
  return typeof value === 'object' && 'next' in value;
}

/** The setting's answer as the next step (the register, when it admits the network) or the outcome that ends it. */
async function afterSetting(client: GraphClient, answer: WaveAnswer, target: Located, options: NetworkLoadOptions): Promise<Step | Settled> {
  const { practice, lists, cached } = target;
  if (!answer.ok) return cached && answer.status === 404 ? 'stale' : failedFrom(practice, answer, "The practice's settings");
  const membership = await membershipFrom(client, answer.body, options.kind);
  if (!admitsNetwork(membership, options.networkSiteId)) {
    // Not opted in: nothing of its register is kept (and a warm wave's register answer, if any, is dropped unread).
    options.cache?.set(practice.key, { ...idsOf(lists), deltaLink: '', entries: [] });
    return { state: 'not-opted-in', practice, membership };
  }
  return { next: 'register', target, membership: membership as NetworkMembership };
}

/** The register's answer as entries and a deltaLink; a 410 (the link expired) falls back to a full enumeration of this practice only. */
async function registerOf(client: GraphClient, target: Located, answer: WaveAnswer): Promise<{ entries: readonly StoredEntry[]; deltaLink: string } | WaveAnswer> {
  if (answer.ok) return registerFrom(client, answer.body, target.cached?.entries ?? []);
  if (answer.status !== 410 || !target.cached?.deltaLink) return answer;
  try {
    return await loadRegisterSnapshot(client, { siteId: target.practice.key, listId: target.lists.registerListId }, NETWORK_REGISTER_EXPAND);
  } catch (error) {
    return failureOf(error);
  }
}

/** An admitted practice's outcome from its register and incidents answers in `wave` (requests tagged `tag`). */
async function settleRegister(client: GraphClient, wave: Wave, tag: string, target: Located, membership: NetworkMembership, options: NetworkLoadOptions): Promise<Settled> {
  const { practice, lists, cached } = target;
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
  options.cache?.set(practice.key, { ...idsOf(lists), deltaLink: register.deltaLink, entries: register.entries });
  return { state: 'loaded', practice, membership, entries: register.entries, openIncidents };
}

/** One step's outcome from its answers in `wave`; a setting that admits the network is followed by one more wave, for this practice only. */
async function settleStep(client: GraphClient, wave: Wave, tag: string, step: Step, options: NetworkLoadOptions): Promise<Settled> {
  if (step.next === 'register') return settleRegister(client, wave, tag, step.target, step.membership, options);
  const after = await afterSetting(client, await wave.answer(`${tag}.membership`), step.target, options);
  return isStep(after) ? (takeSteps(client, [after], options)[0] as Promise<Settled>) : after;
}

/** Sends one wave for `steps` and settles each on its own answers. */
function takeSteps(client: GraphClient, steps: readonly Step[], options: NetworkLoadOptions): Promise<Settled>[] {
  const tag = (index: number) => `s${index}`;
  const wave = sendWave(
    client,
    steps.flatMap((step, index) => (step.next === 'register' ? registerRequests(tag(index), step.target, client) : [settingRequest(tag(index), step.target, options.kind)])),
  );
  return steps.map((step, index) => guarded(step.target.practice, settleStep(client, wave, tag(index), step, options)));
}

/** A cached practice's outcome from its answers in the first wave. */
async function settleCached(client: GraphClient, wave: Wave, tag: string, target: Located, options: NetworkLoadOptions): Promise<Settled> {
  const after = await afterSetting(client, await wave.answer(`${tag}.membership`), target, options);
  if (!isStep(after) || after.next !== 'register') return after as Settled;
  // Opted in since the last load, which read only the setting: now the register (one more round trip, this practice only).
  if (target.cached?.deltaLink === '') return takeSteps(client, [after], options)[0] as Promise<Settled>;
  return settleRegister(client, wave, tag, target, after.membership, options);
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
async function guarded<T>(practice: MemberPractice, settling: Promise<T>, what = 'Reading the practice'): Promise<T | PracticeLoad> {
  try {
    return await settling;
  } catch (error) {
    return failedFrom(practice, failureOf(error) as WaveAnswer & { ok: false }, what);
  }
}

function isLocated(value: Located | PracticeLoad): value is Located {
  return !('state' in value);
}

/**
 * An uncached practice after the first wave: `setting` is its setting's answer there, or undefined when
 * the roster did not know its settings list. The setting is read again, with the id the lists name,
 * when it was not asked, was asked of another list, or answered 404.
 */
async function planCold(client: GraphClient, practice: MemberPractice, lists: WaveAnswer, setting: WaveAnswer | undefined, options: NetworkLoadOptions): Promise<Step | Settled> {
  const where = await guarded(practice, locate(client, practice, lists), "The practice's lists");
  if (!isLocated(where)) return where;
  if (setting === undefined || where.lists.settingsListId !== practice.settingsListId || (!setting.ok && setting.status === 404)) return { next: 'membership', target: where };
  return guarded(practice, afterSetting(client, setting, where, options));
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
  const knowsSetting = (practice: MemberPractice) => practice.settingsListId !== '';
  // Round trip 1: the lists (and the setting, when the roster knows its list) of each practice not cached; the setting of each cached one, with its register only when it was admitted.
  const first = sendWave(
    client,
    targets.flatMap((target, index) => (target.cached ? cachedRequests(tag(index), target as Located, options.kind, client) : coldRequests(tag(index), target.practice, options.kind))),
  );
  // What the first wave's batches answered for each practice not cached (undefined: throttled, being retried on its own).
  const planned = first.direct.then((direct) =>
    Promise.all(
      targets.map((target, index) => {
        if (target.cached) return undefined;
        const lists = direct.get(`${tag(index)}.lists`);
        const setting = knowsSetting(target.practice) ? direct.get(`${tag(index)}.membership`) : null;
        if (lists === undefined || setting === undefined) return undefined;
        return planCold(client, target.practice, lists, setting ?? undefined, options);
      }),
    ),
  );
  // Round trip 2: together, the register and incidents of every practice whose setting (from 1) admits the network, and the setting of every practice whose settings list only (1) told.
  const second = planned.then((all) => {
    const ready = all.flatMap((plan, index) => (isStep(plan) ? [{ index, step: plan }] : []));
    const settling = takeSteps(client, ready.map(({ step }) => step), options);
    return new Map(ready.map(({ index }, k) => [index, settling[k] as Promise<Settled>]));
  });

  return targets.map(async (target, index): Promise<PracticeLoad> => {
    const { practice } = target;
    if (target.cached) {
      const settled = await guarded(practice, settleCached(client, first, tag(index), target as Located, options));
      return settled === 'stale' ? (loadGroup(client, [practice], options, false)[0] as Promise<PracticeLoad>) : settled;
    }
    let plan = (await planned)[index];
    if (plan === undefined) {
      // Throttled in the first wave: after its own retry, it goes on on its own.
      const setting = knowsSetting(practice) ? await first.answer(`${tag(index)}.membership`) : undefined;
      plan = await planCold(client, practice, await first.answer(`${tag(index)}.lists`), setting, options);
      return final(practice, isStep(plan) ? await (takeSteps(client, [plan], options)[0] as Promise<Settled>) : plan);
    }
    return final(practice, isStep(plan) ? await ((await second).get(index) as Promise<Settled>) : plan);
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
