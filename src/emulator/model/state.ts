/** Everything a route handler can reach. */
import type { TokenIssuer } from '../auth';
import type { FaultController } from '../faults';
import { applyStrictness, DEFAULT_STRICTNESS, type Strictness } from '../strictness';
import type { Storage } from '../storage/types';
import type { DirectoryIndex } from './directory';
import { ItemStore } from './items';

export interface EmulatorState {
  readonly storage: Storage;
  readonly directory: DirectoryIndex;
  readonly items: ItemStore;
  readonly tokens: TokenIssuer;
  readonly faults: FaultController;
  readonly now: () => Date;
  /** The strict behaviours in force (strictness.ts); changed in place by `PATCH /emulator/strictness`. */
  readonly strictness: Strictness;
}

export function createState(parts: Omit<EmulatorState, 'items' | 'strictness'> & { strictness?: Partial<Strictness> }): EmulatorState {
  const strictness = applyStrictness({ ...DEFAULT_STRICTNESS }, parts.strictness ?? {});
  return { ...parts, strictness, items: new ItemStore(parts.storage, parts.now) };
}
