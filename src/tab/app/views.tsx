/**
 * The views of the signed-in tab, in the order the navigation shows them. Each feature exports a
 * page component; this registry is the only place that knows them all (features never import each
 * other). A view is addressed by `?view=<id>` so Teams deep links and reloads land on it.
 */
import type { ComponentType } from 'react';
import { RegisterPage } from '../features/register/RegisterPage';

export interface TabView {
  readonly id: string;
  /** The navigation label, also the accessible name of its tab. */
  readonly label: string;
  readonly Page: ComponentType;
}

export const VIEWS: readonly TabView[] = [{ id: 'register', label: 'Register', Page: RegisterPage }];

export const DEFAULT_VIEW_ID = 'register';
