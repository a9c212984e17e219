/**
 * Checks the two icons Teams requires: colour 192x192 and outline 32x32, the outline only white
 * (any opacity) on a transparent background. Teams rejects or mis-renders anything else.
 */
import { PNG } from 'pngjs';

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

function decode(bytes: Uint8Array, label: string): PNG | string {
  try {
    return PNG.sync.read(Buffer.from(bytes));
  } catch (error) {
    return `${label} is not a readable PNG (${(error as Error).message})`;
  }
}

/** @returns problems with the colour icon (empty when it is a 192x192 PNG). */
export function checkColorIcon(bytes: Uint8Array, label = 'colour icon'): string[] {
  const png = decode(bytes, label);
  if (typeof png === 'string') return [png];
  if (png.width !== COLOR_SIZE || png.height !== COLOR_SIZE) {
    return [`${label} must be ${COLOR_SIZE}x${COLOR_SIZE} pixels, got ${png.width}x${png.height}`];
  }
  return [];
}

/** @returns problems with the outline icon (empty when it is 32x32, white on transparent, not blank). */
export function checkOutlineIcon(bytes: Uint8Array, label = 'outline icon'): string[] {
  const png = decode(bytes, label);
  if (typeof png === 'string') return [png];
  if (png.width !== OUTLINE_SIZE || png.height !== OUTLINE_SIZE) {
    return [`${label} must be ${OUTLINE_SIZE}x${OUTLINE_SIZE} pixels, got ${png.width}x${png.height}`];
  }
  let transparent = 0;
  let coloured = 0;
  let drawn = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]];
    if (a === 0) transparent += 1;
    else if (r !== 255 || g !== 255 || b !== 255) coloured += 1;
    else drawn += 1;
  }
  const problems: string[] = [];
  if (coloured > 0) problems.push(`${label} must be white only: ${coloured} visible pixels are not white`);
  if (transparent === 0) problems.push(`${label} must have a transparent background`);
  if (drawn === 0) problems.push(`${label} has no visible white pixels`);
  return problems;
}
