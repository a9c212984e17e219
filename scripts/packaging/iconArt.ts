/**
 * The app's icons, drawn from one 16x16 pixel-art glyph (a clipboard with three ticked lines: the
 * register). Colour icon: glyph scaled x8 (128px), white, centred on opaque NHS blue 192x192.
 * Outline icon: glyph scaled x2, white on a fully transparent 32x32 (Teams allows only white + transparent).
 * Deterministic: the same code always gives the same bytes, so the committed PNGs can be checked.
 */
import { PNG } from 'pngjs';
import { COLOR_SIZE, OUTLINE_SIZE } from './icons';

/** '#' = glyph pixel. */
export const CHECKLIST_GLYPH: readonly string[] = [
  '......####......',
  '..###.####.###..',
  '..#..######..#..',
  '..#..........#..',
  '..#....#.....#..',
  '..#.#.#..###.#..',
  '..#..#.......#..',
  '..#..........#..',
  '..#....#.....#..',
  '..#.#.#..###.#..',
  '..#..#.......#..',
  '..#..........#..',
  '..#....#.....#..',
  '..#.#.#..###.#..',
  '..#..#.......#..',
  '..############..',
];

/** NHS blue #005EB8. */
export const NHS_BLUE = { r: 0x00, g: 0x5e, b: 0xb8 } as const;

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

function render(size: number, scale: number, background: Rgba): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  const glyphSize = CHECKLIST_GLYPH.length * scale;
  const offset = Math.floor((size - glyphSize) / 2);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const gx = Math.floor((x - offset) / scale);
      const gy = Math.floor((y - offset) / scale);
      const inGlyph = x >= offset && y >= offset && CHECKLIST_GLYPH[gy]?.[gx] === '#';
      const pixel = inGlyph ? { r: 255, g: 255, b: 255, a: 255 } : background;
      const i = (y * size + x) * 4;
      png.data[i] = pixel.r;
      png.data[i + 1] = pixel.g;
      png.data[i + 2] = pixel.b;
      png.data[i + 3] = pixel.a;
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** The 192x192 colour icon (opaque). */
export function renderColorIcon(): Buffer {
  return render(COLOR_SIZE, 8, { ...NHS_BLUE, a: 255 });
}

/** The 32x32 outline icon (white on transparent). */
export function renderOutlineIcon(): Buffer {
  return render(OUTLINE_SIZE, 2, { r: 0, g: 0, b: 0, a: 0 });
}
