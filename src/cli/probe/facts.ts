/**
 * `probe-facts.json`: what the tenant actually answered where Microsoft's documentation is silent or
 * the emulator only assumes. The emulator's own behaviour is checked against a committed copy
 * (tests/cli/probe/tenant-facts.json), so a file sent back from a real tenant teaches the emulator.
 *
 * Every value is null until a step measured it; `compareFacts` ignores nulls on either side.
 */
import { writeFileSync } from 'node:fs';

export const FACTS_SCHEMA = 1;

export interface DateRoundTrip {
  /** The Europe/London calendar date meant. */
  readonly date: string;
  /** What was sent (the product's form, or a probe variant). */
  readonly wrote: string;
  /** The raw value Graph answered with on the next read. */
  readonly storedAs: string | null;
  /** The London date the product reads back from it. */
  readonly readBack: string | null;
}

export interface ProbeFacts {
  schema: number;
  source: 'tenant' | 'emulator' | 'documented';
  recordedAt: string;
  /** Where each known value comes from (the committed documented file says so per fact). */
  provenance?: Record<string, string>;
  etag: {
    /** Shape of the item's `eTag` (see `etagShape`). */
    item: string | null;
    itemExample: string | null;
    /** Shape of `fields@odata.etag`. */
    fields: string | null;
    fieldsExample: string | null;
    /** Status of a PATCH whose If-Match is an eTag from before the last change (412 documented). */
    staleIfMatchStatus: number | null;
    /** Status of a PATCH whose If-Match is the current `fields@odata.etag` (the tab never sends this). */
    fieldsETagIfMatchStatus: number | null;
    /** Status of a create that repeats a unique column's value (the EntryKey column). */
    duplicateKeyStatus: number | null;
  };
  cors: {
    allowOrigin: string | null;
    /** `Access-Control-Expose-Headers`, lower-case, sorted. */
    exposedHeaders: string[] | null;
    retryAfterExposed: boolean | null;
    /** From a real browser page (playwright-core + Chromium), where it could be run. */
    browserReadable: string[] | null;
    browserHidden: string[] | null;
  };
  dates: {
    /** How Graph answers a date-only column (see `isDateKind`), or 'mixed'. */
    normalisation: string | null;
    roundTrips: DateRoundTrip[];
  };
  search: {
    /** Status and code of `$search` on /users without `ConsistencyLevel: eventual` (400 documented). */
    withoutConsistencyLevelStatus: number | null;
    withoutConsistencyLevelCode: string | null;
  };
  batch: {
    /** Whether the answers came back in the order asked (Graph says not to rely on it). */
    answeredInOrder: boolean | null;
  };
  delta: {
    /** Whether the deltaLink of an enumeration without a token carries a `token=` query. */
    deltaLinkHasToken: boolean | null;
  };
  resourceUnits: {
    /** Throttling and resource-unit headers seen on any answer: name -> one value seen. */
    headers: Record<string, string>;
  };
  grants: {
    /** `roles` of the app-only token; `scp` of the delegated one. */
    appRoles: string[] | null;
    delegatedScopes: string[] | null;
    createListStatus: number | null;
  };
  mentions: {
    /** Status of a delegated channel post with `<at>` mentions inside the card. */
    cardMentionsDelegatedStatus: number | null;
  };
}

export type FactsBuilder = ProbeFacts;

export function emptyFacts(source: ProbeFacts['source'], now: Date = new Date()): ProbeFacts {
  return {
    schema: FACTS_SCHEMA,
    source,
    recordedAt: now.toISOString(),
    etag: { item: null, itemExample: null, fields: null, fieldsExample: null, staleIfMatchStatus: null, fieldsETagIfMatchStatus: null, duplicateKeyStatus: null },
    cors: { allowOrigin: null, exposedHeaders: null, retryAfterExposed: null, browserReadable: null, browserHidden: null },
    dates: { normalisation: null, roundTrips: [] },
    search: { withoutConsistencyLevelStatus: null, withoutConsistencyLevelCode: null },
    batch: { answeredInOrder: null },
    delta: { deltaLinkHasToken: null },
    resourceUnits: { headers: {} },
    grants: { appRoles: null, delegatedScopes: null, createListStatus: null },
    mentions: { cardMentionsDelegatedStatus: null },
  };
}

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const SHAPES: ReadonlyArray<[string, RegExp]> = [
  ['"{GUID},N"', new RegExp(`^"\\{${GUID}\\},\\d+"$`)],
  ['"GUID,N"', new RegExp(`^"${GUID},\\d+"$`)],
  ['{GUID},N', new RegExp(`^\\{${GUID}\\},\\d+$`)],
  ['GUID,N', new RegExp(`^${GUID},\\d+$`)],
  ['W/"..."', /^W\/".*"$/],
  ['"..."', /^".*"$/],
];

/** A name for an eTag's format, so two files compare formats rather than values. */
export function etagShape(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return SHAPES.find(([, pattern]) => pattern.test(value))?.[0] ?? 'other';
}

const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The ways Graph may answer a date-only value, most telling first. */
export const DATE_KINDS = ['date-only', 'as-written', 'london-midnight', 'utc-midnight'] as const;

/**
 * Whether a raw date-only value is of one kind, for the calendar date meant:
 * 'date-only' (`2026-06-30`), 'as-written' (the instant sent), 'london-midnight' (the site's local
 * midnight in UTC, `2026-06-29T23:00:00Z` in summer), 'utc-midnight' (`2026-06-30T00:00:00Z`).
 * In winter London midnight is UTC midnight, so one value can be of two kinds.
 */
export function isDateKind(kind: (typeof DATE_KINDS)[number], date: string, wrote: string, raw: string | null): boolean {
  if (raw === null) return false;
  if (kind === 'date-only') return raw === date;
  const instant = Date.parse(raw);
  if (Number.isNaN(instant) || raw === date) return false;
  if (kind === 'as-written') return instant === Date.parse(wrote);
  if (kind === 'utc-midnight') return instant === Date.parse(`${date}T00:00:00Z`);
  const at = new Date(instant);
  return LONDON_HOUR.format(at) === '00:00' && at.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }) === date;
}

/** The one kind every value fits (see `isDateKind`), 'mixed' when none fits them all, null with no values. */
export function summariseDates(roundTrips: readonly DateRoundTrip[]): string | null {
  if (roundTrips.length === 0) return null;
  return DATE_KINDS.find((kind) => roundTrips.every((trip) => isDateKind(kind, trip.date, trip.wrote, trip.storedAs))) ?? 'mixed';
}

/** The facts a test compares between a recorded file and the emulator: dotted path -> value. */
export function comparableFacts(facts: ProbeFacts): Record<string, unknown> {
  return {
    'etag.item': facts.etag.item,
    'etag.fields': facts.etag.fields,
    'etag.staleIfMatchStatus': facts.etag.staleIfMatchStatus,
    'etag.duplicateKeyStatus': facts.etag.duplicateKeyStatus,
    'cors.retryAfterExposed': facts.cors.retryAfterExposed,
    'dates.normalisation': facts.dates.normalisation,
    'search.withoutConsistencyLevelStatus': facts.search.withoutConsistencyLevelStatus,
    'search.withoutConsistencyLevelCode': facts.search.withoutConsistencyLevelCode,
    'delta.deltaLinkHasToken': facts.delta.deltaLinkHasToken,
  };
}

export interface FactDifference {
  readonly fact: string;
  readonly recorded: unknown;
  readonly emulator: unknown;
}

/** Where `actual` (the emulator) differs from `recorded` (a tenant's or the documented file); unknowns are skipped. */
export function compareFacts(recorded: ProbeFacts, actual: ProbeFacts): FactDifference[] {
  const want = comparableFacts(recorded);
  const got = comparableFacts(actual);
  return Object.keys(want)
    .filter((key) => want[key] !== null && want[key] !== undefined && got[key] !== null && JSON.stringify(want[key]) !== JSON.stringify(got[key]))
    .map((key) => ({ fact: key, recorded: want[key], emulator: got[key] }));
}

export function writeFacts(path: string, facts: ProbeFacts): void {
  writeFileSync(path, `${JSON.stringify(facts, null, 2)}\n`);
}
