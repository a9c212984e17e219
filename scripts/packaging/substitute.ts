/**
 * Replaces `${{NAME}}` placeholders in the parsed manifest. Substituting inside parsed strings (not
 * the raw text) means a value containing a quote or backslash can never break the JSON.
 */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function mapStrings(value: Json, fn: (s: string) => string): Json {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  }
  return value;
}

/** Every placeholder name used anywhere in `template`, sorted, without duplicates. */
export function placeholderNames(template: unknown): string[] {
  const names = new Set<string>();
  mapStrings(template as Json, (s) => {
    for (const match of s.matchAll(PLACEHOLDER)) names.add(match[1] as string);
    return s;
  });
  return [...names].sort();
}

/**
 * A deep copy of `template` with each placeholder replaced by its value.
 * @throws Error naming any placeholder without a value (callers check values first; this is a guard).
 */
export function substitute<T>(template: T, values: ReadonlyMap<string, string>): T {
  const missing = new Set<string>();
  const result = mapStrings(template as Json, (s) =>
    s.replace(PLACEHOLDER, (_whole, name: string) => {
      const value = values.get(name);
      if (value === undefined) missing.add(name);
      return value ?? '';
    }),
  );
  if (missing.size > 0) throw new Error(`No value for ${[...missing].join(', ')}`);
  return result as T;
}
