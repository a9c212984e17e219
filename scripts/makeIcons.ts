/**
 * Regenerates manifest/color.png and manifest/outline.png from the glyph in packaging/iconArt.ts.
 * Run once after changing the glyph: `npx tsx scripts/makeIcons.ts`, then commit the PNGs.
 * (A unit test fails if the committed PNGs differ from what this would write.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderColorIcon, renderOutlineIcon } from './packaging/iconArt';

const manifestDir = join(process.cwd(), 'manifest');
writeFileSync(join(manifestDir, 'color.png'), renderColorIcon());
writeFileSync(join(manifestDir, 'outline.png'), renderOutlineIcon());
console.log('Wrote manifest/color.png (192x192) and manifest/outline.png (32x32).');
