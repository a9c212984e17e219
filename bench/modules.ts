/** Every benchmark module, in the order `npm run bench` runs them. Add one line per module. */
import type { BenchModule } from './figures';
import { bundleBench } from './bundle.bench';
import { dependencyMapBench } from './dependencyMap.bench';
import { directoryBench } from './directory.bench';
import { incidentCardBench } from './incidentCard.bench';
import { networkBench } from './network.bench';
import { networkRenderBench } from './networkRender.bench';
import { registerBench } from './register.bench';
import { remindersBench } from './reminders.bench';
import { startupBench } from './startup.bench';

export const MODULES: readonly BenchModule[] = [
  remindersBench,
  directoryBench,
  registerBench,
  bundleBench,
  startupBench,
  incidentCardBench,
  dependencyMapBench,
  networkBench,
  networkRenderBench,
];
