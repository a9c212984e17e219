/** Every benchmark module, in the order `npm run bench` runs them. Add one line per module. */
import type { BenchModule } from './figures';

export const MODULES: readonly BenchModule[] = [];
