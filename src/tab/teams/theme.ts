/**
 * Follows the Teams client's theme (default, dark, high contrast) as the user changes it. Only call
 * this when the tab is hosted in Teams (detectHost said so): teams-js is imported lazily, so a plain
 * browser never loads it.
 */
import type { HostTheme } from './detectHost';

export function toHostTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/**
 * Calls `onChange` with each theme Teams reports from now on.
 * teams-js keeps one theme handler per app and has no way to remove it, so the returned function
 * only stops forwarding. Never rejects: if teams-js cannot be loaded the tab keeps its start-up theme.
 * @returns a function that stops forwarding theme changes.
 */
export async function followTeamsTheme(onChange: (theme: HostTheme) => void): Promise<() => void> {
  let active = true;
  try {
    const { app } = await import('@microsoft/teams-js');
    app.registerOnThemeChangeHandler((theme) => {
      if (active) onChange(toHostTheme(theme));
    });
  } catch {
    // Not initialised or not in Teams: nothing to follow.
  }
  return () => {
    active = false;
  };
}
