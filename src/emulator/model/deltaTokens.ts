/**
 * When delta tokens stop working. Graph answers a token it will no longer honour with
 * 410 Gone `resyncRequired` and the client must enumerate again (api-reference/v1.0/api/
 * listitem-delta.md; concepts/delta-query-overview.md: tokens are valid only for a limited time).
 * Here a token expires when older than `strictness.expireDeltaTokensAfterSeconds`, or when issued
 * before `POST /emulator/delta/expire`, which starts a new generation of tokens (kept in storage,
 * so it survives a restart).
 */
import { GraphHttpError } from '../errors';
import type { EmulatorState } from './state';

interface Generation {
  n: number;
}

/** The generation new delta tokens are issued in. */
export function deltaGeneration(state: EmulatorState): number {
  return state.storage.get<Generation>('meta', 'deltaGeneration')?.n ?? 0;
}

/** Every token issued so far expires. */
export function expireDeltaTokensNow(state: EmulatorState): void {
  state.storage.put('meta', 'deltaGeneration', { n: deltaGeneration(state) + 1 } satisfies Generation);
}

/** @throws GraphHttpError 410 resyncRequired when a token issued at `issuedAt` (ms) in `generation` has expired. */
export function assertDeltaTokenLive(state: EmulatorState, issuedAt: number | undefined, generation: number | undefined, location: string): void {
  const now = state.now().getTime();
  const maxAge = state.strictness.expireDeltaTokensAfterSeconds;
  const issued = issuedAt ?? 0;
  if ((generation ?? 0) !== deltaGeneration(state) || (maxAge > 0 && now - issued > maxAge * 1000))
    throw new GraphHttpError(410, 'resyncRequired', 'The delta token has expired. Resync is required: start again without a token.', { Location: location });
}
