/**
 * When delta tokens stop working. Graph answers a token it will no longer honour with
 * 410 Gone `resyncRequired` and the client must enumerate again (api-reference/v1.0/api/
 * listitem-delta.md; concepts/delta-query-overview.md: tokens are valid only for a limited time).
 * Here a token expires when older than `strictness.expireDeltaTokensAfterSeconds`, or when issued
 * before `POST /emulator/delta/expire` (kept in storage, so it survives a restart).
 */
import { GraphHttpError } from '../errors';
import type { EmulatorState } from './state';

interface ExpiredBefore {
  at: number;
}

export function expireDeltaTokensNow(state: EmulatorState): void {
  // Strictly after every token issued so far, even within the same millisecond.
  state.storage.put('meta', 'deltaExpiredBefore', { at: state.now().getTime() + 1 } satisfies ExpiredBefore);
}

/** @throws GraphHttpError 410 resyncRequired when a token issued at `issuedAt` (ms) has expired. */
export function assertDeltaTokenLive(state: EmulatorState, issuedAt: number | undefined, location: string): void {
  const now = state.now().getTime();
  const maxAge = state.strictness.expireDeltaTokensAfterSeconds;
  const expiredBefore = state.storage.get<ExpiredBefore>('meta', 'deltaExpiredBefore')?.at ?? 0;
  const issued = issuedAt ?? 0;
  if (issued < expiredBefore || (maxAge > 0 && now - issued > maxAge * 1000))
    throw new GraphHttpError(410, 'resyncRequired', 'The delta token has expired. Resync is required: start again without a token.', { Location: location });
}
