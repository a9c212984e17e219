/** Teams requires a 192x192 colour icon and a 32x32 white-on-transparent outline icon. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { renderColorIcon, renderOutlineIcon } from '../../../scripts/packaging/iconArt';
import { checkColorIcon, checkOutlineIcon } from '../../../scripts/packaging/icons';
import { REPO_ROOT } from './fixture';

const committed = (file: string) => readFileSync(join(REPO_ROOT, 'manifest', file));

function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) image.data.set(pixel(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(image);
}

describe('app icons', () => {
  it('the committed colour icon is 192x192, fully opaque, NHS blue behind a white glyph', () => {
    const image = PNG.sync.read(committed('color.png'));
    expect([image.width, image.height]).toEqual([192, 192]);
    expect(checkColorIcon(committed('color.png'))).toEqual([]);
    const alphas = new Set<number>();
    for (let i = 3; i < image.data.length; i += 4) alphas.add(image.data[i] as number);
    expect([...alphas]).toEqual([255]);
    expect([...image.data.subarray(0, 3)]).toEqual([0x00, 0x5e, 0xb8]);
    const onGlyph = (156 * 192 + 96) * 4; // the clipboard's bottom edge
    expect([...image.data.subarray(onGlyph, onGlyph + 4)]).toEqual([255, 255, 255, 255]);
  });

  it('the committed outline icon is 32x32, white on a transparent background', () => {
    const image = PNG.sync.read(committed('outline.png'));
    expect([image.width, image.height]).toEqual([32, 32]);
    expect(checkOutlineIcon(committed('outline.png'))).toEqual([]);
    expect(image.data[3]).toBe(0); // a corner is transparent
  });

  it('the committed PNGs are exactly what scripts/makeIcons.ts generates', () => {
    expect(committed('color.png').equals(renderColorIcon())).toBe(true);
    expect(committed('outline.png').equals(renderOutlineIcon())).toBe(true);
  });

  it('rejects icons of the wrong size', () => {
    expect(checkColorIcon(renderOutlineIcon())).toEqual(['colour icon must be 192x192 pixels, got 32x32']);
    expect(checkOutlineIcon(renderColorIcon())).toEqual(['outline icon must be 32x32 pixels, got 192x192']);
  });

  it('rejects an outline icon with coloured pixels or no transparency', () => {
    const blueDot = png(32, 32, (x, y) => (x === 5 && y === 5 ? [0, 94, 184, 255] : x < 10 ? [255, 255, 255, 255] : [0, 0, 0, 0]));
    expect(checkOutlineIcon(blueDot)).toEqual(['outline icon must be white only: 1 visible pixels are not white']);
    const opaque = png(32, 32, () => [255, 255, 255, 255]);
    expect(checkOutlineIcon(opaque)).toEqual(['outline icon must have a transparent background']);
  });

  it('rejects a file that is not a PNG', () => {
    expect(checkColorIcon(Buffer.from('not a png'))[0]).toMatch(/is not a readable PNG/);
  });
});
