/**
 * Fixtures for the network room's integration tests, made through Graph by the tests themselves (no
 * dependence on the demo network seed): bench practices (seed/benchPractices.ts; the register app
 * holds an `owner` Sites.Selected grant on each) read by the register app with an app-only token, one
 * of them set up as the network. A recording transport counts round trips and an instant sleep
 * records waits, so nothing waits on the clock.
 */
import { randomUUID } from 'node:crypto';
import type { MemberPractice, NetworkKind, NetworkMembership } from '../../../src/domain/network';
import type { BenchPractice } from '../../../src/emulator/seed/benchPractices';
import { createGraphClient, type GraphClient } from '../../../src/graph';
import { setUpNetwork, writeMembership, type NetworkLoadOptions } from '../../../src/graph/network';
import { findRegisterSettings } from '../../../src/graph/register';
import { appTokenFor } from '../../support/emulator';

/** One request as the transport saw it, with when it started and ended (performance.now()). */
export interface SentRequest {
  readonly method: string;
  readonly path: string;
  /** The inner requests' urls, for a `$batch`. */
  readonly inner: readonly string[];
  readonly start: number;
  end: number;
}

export interface RecordingClient {
  readonly client: GraphClient;
  readonly sent: SentRequest[];
  readonly waits: number[];
}

/** Each request's place in the longest chain of requests ending with it (1: started before any other ended). */
export function roundTripOf<T extends Pick<SentRequest, 'start' | 'end'>>(requests: readonly T[]): Map<T, number> {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth = new Map<T, number>();
  for (const request of sorted) depth.set(request, 1 + Math.max(0, ...sorted.filter((q) => q.end <= request.start).map((q) => depth.get(q) ?? 0)));
  return depth;
}

/** The longest chain of requests each started after the previous one ended: the sequential round trips. */
export function sequentialRoundTrips(requests: readonly Pick<SentRequest, 'start' | 'end'>[]): number {
  return Math.max(0, ...roundTripOf(requests).values());
}

function innerUrls(body: unknown): string[] {
  if (typeof body !== 'string') return [];
  try {
    return ((JSON.parse(body) as { requests?: { url: string }[] }).requests ?? []).map((r) => r.url);
  } catch {
    return [];
  }
}

/** A client of the register app itself (app-only token, Sites.Selected) against the emulator at `url`. */
export function appClient(url: string, appId?: string): RecordingClient {
  const sent: SentRequest[] = [];
  const waits: number[] = [];
  let token: Promise<string> | undefined;
  const client = createGraphClient({
    baseUrl: url,
    tokenSource: {
      getToken: () => (token ??= appTokenFor(url, appId)),
      invalidate: () => {
        token = undefined;
      },
    },
    fetchImpl: async (input, init) => {
      const request: SentRequest = { method: (init?.method ?? 'GET').toUpperCase(), path: String(input).slice(url.length), inner: innerUrls(init?.body), start: performance.now(), end: Infinity };
      sent.push(request);
      try {
        return await fetch(input, init);
      } finally {
        request.end = performance.now();
      }
    },
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { client, sent, waits };
}

/** A bench practice as the network's roster holds it; `settingsListId` '' when the roster does not know it. */
export function rosterEntryOf(practice: BenchPractice, settingsListId = ''): MemberPractice {
  return {
    key: practice.siteId,
    name: practice.name,
    siteUrl: `https://emulator.sharepoint.com/sites/${practice.name.replace(/\s/g, '')}`,
    teamId: practice.teamId,
    odsCode: '',
    settingsListId,
    addedBy: 'Test lead',
    addedAt: '2026-03-01T09:00:00Z',
  };
}

export function membershipFor(networkSiteId: string, state: NetworkMembership['state'], changedOn = '2026-03-02'): NetworkMembership {
  return { state, kind: 'pcn', networkName: 'Test PCN', networkTeamId: randomUUID(), networkSiteId, changedOn, changedBy: 'Practice manager' };
}

/** The practice as the roster holds it once added (addToRoster): with its settings list's id, '' when it has none. */
export async function knownRosterEntryOf(client: GraphClient, practice: BenchPractice): Promise<MemberPractice> {
  return rosterEntryOf(practice, (await findRegisterSettings(client, practice.siteId)) ?? '');
}

/** Takes the register app's Sites.Selected grant off a site, as a tenant admin would (site-delete-permission.md). */
export async function revokeAppGrant(url: string, siteId: string): Promise<void> {
  const admin = await appTokenFor(url, '0d5e6f70-1a2b-4c3d-8e9f-0000000ad411');
  const headers = { Authorization: `Bearer ${admin}` };
  const site = encodeURIComponent(siteId);
  const grants = (await (await fetch(`${url}/v1.0/sites/${site}/permissions`, { headers })).json()) as { value: { id: string }[] };
  for (const grant of grants.value) {
    const response = await fetch(`${url}/v1.0/sites/${site}/permissions/${encodeURIComponent(grant.id)}`, { method: 'DELETE', headers });
    if (!response.ok) throw new Error(`Could not revoke grant ${grant.id}: ${response.status}`);
  }
}

/**
 * Makes `practices[0]` a PCN and opts every other practice in to it (through Graph, as the register
 * app), ten practices at a time. @returns the roster (each practice with its settings list's id, as
 * addToRoster records it) and the load options for that network.
 */
export async function seedOptedInNetwork(client: GraphClient, practices: readonly BenchPractice[], kind: NetworkKind = 'pcn'): Promise<{ roster: MemberPractice[]; options: NetworkLoadOptions }> {
  const [network, ...members] = practices;
  if (!network) throw new Error('A network needs a site.');
  await setUpNetwork(client, network.siteId, { kind, name: 'Bench network' });
  for (let start = 0; start < members.length; start += 10)
    await Promise.all(members.slice(start, start + 10).map((practice) => writeMembership(client, practice.siteId, { ...membershipFor(network.siteId, 'joined'), kind })));
  const roster: MemberPractice[] = [];
  for (let start = 0; start < members.length; start += 10) roster.push(...(await Promise.all(members.slice(start, start + 10).map((practice) => knownRosterEntryOf(client, practice)))));
  return { roster, options: { kind, networkSiteId: network.siteId } };
}
