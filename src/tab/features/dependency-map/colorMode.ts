/**
 * React Flow's colorMode for the Fluent theme the map sits in, read from the theme's own
 * background token, so it follows a Teams theme change without the app passing its theme down.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

/** Relative luminance of a `#rrggbb` colour (WCAG), or null for anything else. */
export function luminanceOf(colour: string): number | null {
  const match = /^#([0-9a-f]{6})$/i.exec(colour.trim());
  if (!match) return null;
  const value = Number.parseInt(match[1] as string, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/**
 * React Flow's colorMode for the Fluent theme around `ref`: 'dark' when the theme's background is
 * dark (Teams dark and high contrast). Read from the token the FluentProvider set, so it follows
 * a Teams theme change without the app having to pass its theme down.
 */
export function useColorMode(ref: RefObject<HTMLElement>): 'light' | 'dark' {
  const [mode, setMode] = useState<'light' | 'dark'>('light');
  // After every render, on purpose: a Teams theme change re-renders the tree without telling this
  // hook, and the token is the only place the new background shows. `next !== mode` ends the chain.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (!ref.current) return;
    const luminance = luminanceOf(getComputedStyle(ref.current).getPropertyValue('--colorNeutralBackground1'));
    const next = luminance !== null && luminance < 0.4 ? 'dark' : 'light';
    if (next !== mode) setMode(next);
  });
  return mode;
}
