/**
 * Every way the emulator is as strict as Microsoft Graph, each behind one named switch, all on by
 * default (`EmulatorOptions.strictness`, `GET/PATCH /emulator/strictness`). Turning one off makes
 * the emulator answer the way a more lenient tenant might, so a test can show what the product does
 * when a tenant differs from the documentation. The product and its tests pass with all of them on.
 * docs/emulator.md lists each with the Microsoft page it comes from.
 */
import { TENANT_TIERS, type TenantTier } from './model/resourceUnits';

export interface Strictness {
  /** Per-route permissions from each page's permissions table (`scp`/`roles`), Sites.Selected grants and RSC. Off: any valid token may call any route (team membership is still checked). */
  permissions: boolean;
  /** Without User.Read.All (or higher), users come back with their basic profile only, other properties null (permissions-reference: User.ReadBasic.All). */
  basicProfileOnly: boolean;
  /** Only the documented `/groups/{id}/sites/root` (with site-get's permissions); deeper paths under it 400. Off: deeper paths alias `/sites/{id}/...`. */
  groupSitePath: boolean;
  /** Graph's CORS exposes no `Retry-After` (microsoft-graph-docs-contrib issue 2011). Off: it is exposed. */
  hideRetryAfterFromCors: boolean;
  /** `$batch` answers in a shuffled order (json-batching: "the most efficient order"), seeded by `batchSeed`. Off: request order. */
  shuffleBatch: boolean;
  /** Seed of the batch shuffle, so a failing run replays. */
  batchSeed: number;
  /** `dependsOn` must make the batch one sequence or be absent (json-batching). Off: any acyclic dependsOn is accepted. */
  batchDependsOnRules: boolean;
  /** Delta tokens older than this many seconds answer 410 resyncRequired; 0 = never by age. */
  expireDeltaTokensAfterSeconds: number;
  /** `fields@odata.etag` in the fieldValueSet's own format (`"GUID,N"`), not the item's `"{GUID},N"`. Off: the item's format everywhere. */
  etagFormat: boolean;
  /** SharePoint resource units per app per tenant per minute and per day, 429 with Retry-After and RateLimit-* headers. */
  ruThrottling: boolean;
  /** The tenant's licence tier, which sets the RU budget. */
  tenantTier: TenantTier;
  /** Channel posts limited per channel (Teams: 4 requests a second, 3,000 messages a day per app per channel). */
  channelPostRateLimit: boolean;
}

export const DEFAULT_STRICTNESS: Strictness = {
  permissions: true,
  basicProfileOnly: true,
  groupSitePath: true,
  hideRetryAfterFromCors: true,
  shuffleBatch: true,
  batchSeed: 1,
  batchDependsOnRules: true,
  expireDeltaTokensAfterSeconds: 7 * 24 * 3600,
  etagFormat: true,
  ruThrottling: true,
  tenantTier: '50k+',
  channelPostRateLimit: true,
};

/**
 * Applies `patch` to `target` after checking every key and type.
 * @throws TypeError naming the first bad key (the control endpoint answers 400 with it).
 */
export function applyStrictness(target: Strictness, patch: unknown): Strictness {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new TypeError('Send a JSON object of strictness switches.');
  const checked: Partial<Record<keyof Strictness, unknown>> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in DEFAULT_STRICTNESS)) throw new TypeError(`Unknown strictness switch '${key}'. Known: ${Object.keys(DEFAULT_STRICTNESS).join(', ')}.`);
    const expected = typeof DEFAULT_STRICTNESS[key as keyof Strictness];
    if (key === 'tenantTier') {
      if (typeof value !== 'string' || !(value in TENANT_TIERS)) throw new TypeError(`tenantTier must be one of ${Object.keys(TENANT_TIERS).join(', ')}.`);
    } else if (typeof value !== expected || (expected === 'number' && !(Number.isFinite(value) && (value as number) >= 0))) {
      throw new TypeError(`${key} must be a ${expected === 'number' ? 'non-negative number' : expected}.`);
    }
    checked[key as keyof Strictness] = value;
  }
  return Object.assign(target, checked);
}
