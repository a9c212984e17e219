/**
 * The views of the signed-in tab, in the order the navigation shows them. Each feature exports a
 * page component; this registry is the only place that knows them all (features never import each
 * other). A view is addressed by `?view=<id>` so Teams deep links and reloads land on it.
 * Views other than the default are loaded on demand (lazyView), keeping the first download small.
 */
import type { ComponentType } from 'react';
import { RegisterPage } from '../features/register/RegisterPage';
import { lazyView } from './lazyView';

export interface TabView {
  readonly id: string;
  /** The navigation label, also the accessible name of its tab. */
  readonly label: string;
  readonly Page: ComponentType;
}

export const VIEWS: readonly TabView[] = [
  { id: 'register', label: 'Register', Page: RegisterPage },
  { id: 'my-services', label: 'My services', Page: lazyView(() => import('../features/my-services/MyServicesPage').then((module) => module.MyServicesPage)) },
  { id: 'overview', label: 'Overview', Page: lazyView(() => import('../features/overview/OverviewPage').then((module) => module.OverviewPage)) },
  { id: 'reminders', label: 'Reminders', Page: lazyView(() => import('../features/reminders/RemindersPage').then((module) => module.RemindersPage)) },
  { id: 'catalogue', label: 'Add from catalogue', Page: lazyView(() => import('../features/catalogue/CataloguePage').then((module) => module.CataloguePage)) },
  { id: 'import', label: 'Import', Page: lazyView(() => import('../features/import/ImportPage').then((module) => module.ImportPage)) },
  { id: 'export', label: 'Export', Page: lazyView(() => import('../features/export/ExportPage').then((module) => module.ExportPage)) },
  { id: 'people', label: 'People and access', Page: lazyView(() => import('../features/people/PeoplePage').then((module) => module.PeoplePage)) },
  { id: 'incidents', label: 'Incident log', Page: lazyView(() => import('../features/incidents/IncidentLogPage').then((module) => module.IncidentLogPage)) },
  { id: 'downtime-pack', label: 'Downtime pack', Page: lazyView(() => import('../features/downtime-pack/DowntimePackPage').then((module) => module.DowntimePackPage)) },
  // React Flow and dagre come only with this view (its own chunk), so the first download does not grow.
  { id: 'dependency-map', label: 'Dependency map', Page: lazyView(() => import('../features/dependency-map/DependencyMapPage').then((module) => module.DependencyMapPage)) },
  // The cross-practice roll-up and its charting library (@fluentui/react-charts, d3) come only with this view (its own chunk).
  { id: 'network', label: 'PCN and ICB', Page: lazyView(() => import('../features/network/NetworkPage').then((module) => module.NetworkPage)) },
];

export const DEFAULT_VIEW_ID = 'register';
