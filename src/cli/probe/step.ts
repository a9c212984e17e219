/**
 * One probe step: a request (or a few) the product sends, what passing means, and what the product
 * does when it fails, in words for the person deploying. Steps that the product depends on are
 * `required`: any of them failing makes the probe exit non-zero. The others record a fact or a
 * degraded feature, and report `warn` when they fail.
 */
import type { GraphClient, TokenSource } from '@graph';
import type { StoredEntry } from '@domain';
import type { ProbeConfig } from './config';
import type { FactsBuilder } from './facts';
import type { Exchange, Recorder } from './recorder';

export type Outcome = 'pass' | 'fail' | 'warn' | 'skip';

export interface Failure {
  readonly status?: number;
  readonly code?: string;
}

/** What a step found. `ok: false` fails it; a thrown error fails it too (with the error's status). */
export interface Check {
  readonly ok: boolean;
  readonly detail: string;
  /** Replaces the step's advice for this failure (or adds a note to a pass). */
  readonly advice?: string;
  /** The step could not run for a reason that is not a failure (e.g. the bot is not installed). */
  readonly skipped?: boolean;
  /** Which exchange's status and request-id to show (default: the last, or the last error on a failure). */
  readonly focus?: (exchange: Exchange) => boolean;
}

/** What the steps share as they go: ids found by earlier steps. */
export interface ProbeState {
  me?: { id: string; displayName: string; userPrincipalName: string };
  siteId?: string;
  siteWebUrl?: string;
  listId?: string;
  listWebUrl?: string;
  /** The scratch entry as last read. */
  item?: StoredEntry;
  /** The raw fields@odata.etag of the scratch item (for the If-Match experiment). */
  fieldsETag?: string;
  deltaLink?: string;
  teamId?: string;
  channelId?: string;
  botServiceUrl?: string;
  /** The tenant's GUID (`tid` of the app token), for the Bot Connector. */
  tenantId?: string;
}

export interface ProbeContext {
  readonly config: ProbeConfig;
  /** The person running the probe, with the tab's delegated scopes. */
  readonly user: GraphClient;
  /** The app itself (app-only), as the reminder service signs in. */
  readonly app: GraphClient;
  readonly userTokens: TokenSource;
  readonly appTokens: TokenSource;
  readonly recorder: Recorder;
  readonly facts: FactsBuilder;
  readonly state: ProbeState;
  readonly print: (line: string) => void;
}

export interface ProbeStep {
  readonly id: string;
  readonly title: string;
  /** The product depends on it: a failure fails the probe. */
  readonly required: boolean;
  /** Skipped by --read-only. */
  readonly writes: boolean;
  /** Steps that must have passed first (else this one is skipped). */
  readonly needs?: readonly string[];
  /** What the product does about a failure, and what to change. */
  readonly advice: (failure: Failure) => string;
  run(ctx: ProbeContext): Promise<Check>;
}

export interface StepResult {
  readonly id: string;
  readonly title: string;
  readonly outcome: Outcome;
  readonly required: boolean;
  readonly status: number | null;
  readonly code: string | null;
  readonly requestId: string | null;
  readonly detail: string;
  readonly advice: string | null;
}
