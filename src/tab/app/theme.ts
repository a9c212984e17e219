/**
 * The Fluent theme: the Teams theme when hosted in Teams (following its changes), otherwise chosen by
 * `?theme=default|dark|contrast` (tests and demos) or, without that, by the browser's own settings:
 * forced colours (Windows high contrast) give the high-contrast theme, a dark colour scheme the dark one.
 */
import { useEffect, useState } from 'react';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { Host, HostTheme } from '../teams/detectHost';
import { followTeamsTheme, toHostTheme } from '../teams/theme';

export function themeFor(hostTheme: HostTheme): Theme {
  if (hostTheme === 'dark') return teamsDarkTheme;
  if (hostTheme === 'contrast') return teamsHighContrastTheme;
  return teamsLightTheme;
}

type MatchMedia = (query: string) => { matches: boolean };

/** The theme for a plain browser: the `theme` URL parameter wins, then forced colours, then dark mode. */
export function browserTheme(search: string, matchMedia: MatchMedia | undefined): HostTheme {
  const asked = new URLSearchParams(search).get('theme');
  if (asked === 'default' || asked === 'dark' || asked === 'contrast') return toHostTheme(asked);
  if (matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  if (matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'default';
}

const QUERIES = ['(forced-colors: active)', '(prefers-color-scheme: dark)'];

/** The host's theme now, updated when Teams or the browser settings change it. */
export function useHostTheme(host: Host | null, fallback: HostTheme | undefined): HostTheme {
  const initial = () => fallback ?? browserTheme(window.location.search, window.matchMedia?.bind(window));
  const [theme, setTheme] = useState<HostTheme>(initial);

  useEffect(() => {
    if (host?.kind === 'teams') {
      setTheme(host.theme);
      let stop: (() => void) | null = null;
      let cancelled = false;
      void followTeamsTheme(setTheme).then((unfollow) => (cancelled ? unfollow() : (stop = unfollow)));
      return () => {
        cancelled = true;
        stop?.();
      };
    }
    if (fallback || !window.matchMedia) return;
    const update = () => setTheme(browserTheme(window.location.search, window.matchMedia.bind(window)));
    const lists = QUERIES.map((query) => window.matchMedia(query));
    lists.forEach((list) => list.addEventListener?.('change', update));
    return () => lists.forEach((list) => list.removeEventListener?.('change', update));
  }, [host, fallback]);
  return theme;
}
