/**
 * Writes the app package: a flat zip (manifest.json and the icons at the root, as Teams requires).
 * Entries carry a fixed timestamp so the same inputs always give the same bytes.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

/** @throws Error if a name contains a folder separator (Teams ignores nested files). */
export function buildZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, bytes] of files) {
    if (/[/\\]/.test(name)) throw new Error(`package entries must be flat, got "${name}"`);
    entries[name] = [bytes, { mtime: FIXED_MTIME, level: 9 }];
  }
  return zipSync(entries);
}

/** The entries of a zip by name (used by tests and by anyone inspecting a package). */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}
