/** The Fluent theme for the host's theme. Following live theme changes in Teams is a later issue. */
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { HostTheme } from '../teams/detectHost';

export function themeFor(hostTheme: HostTheme): Theme {
  if (hostTheme === 'dark') return teamsDarkTheme;
  if (hostTheme === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}
