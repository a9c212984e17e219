/** Everything a route handler can reach. */
import type { TokenIssuer } from '../auth';
import type { FaultController } from '../faults';
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
}

export function createState(parts: Omit<EmulatorState, 'items'>): EmulatorState {
  return { ...parts, items: new ItemStore(parts.storage, parts.now) };
}
