/**
 * Compares a documented Graph response body with the emulator's by SHAPE, not by value: the same keys
 * with compatible types, recursively; arrays by their first element. Values are normalised into
 * classes first (ids, eTags, timestamps, URLs), so a documented timestamp must come back as a
 * timestamp and a documented eTag in an eTag format, whatever its digits.
 *
 * `truncated` documented responses (most of Microsoft's examples say "shortened for readability")
 * allow extra keys in the emulator's answer; complete ones do not.
 */
export interface ShapeOptions {
  /** The documentation marks the response as truncated: extra actual keys are fine. */
  readonly truncated: boolean;
  /** Paths (`value[].mailNickname`) not compared, each with its reason in the fixture. */
  readonly ignore?: readonly string[];
}

/**
 * Annotations whose presence depends on the data or on metadata no client reads, not on the
 * resource's shape: `@odata.context` (a metadata URL) and `@odata.nextLink` (present only when
 * there is another page, which depends on how many items the seeded tenant has).
 */
const OPTIONAL_ANNOTATIONS = new Set(['@odata.context', '@odata.nextLink']);

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const GUID_INSIDE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** SharePoint list item eTags: `"{GUID},N"` (quotes included). */
const ITEM_ETAG = /^"\{?[0-9a-f-]{36}\}?,\d+"$/i;

/** The class a string value belongs to, so equal classes compare equal. */
export function valueClass(value: string): string {
  if (ITEM_ETAG.test(value)) return '<etag>';
  if (DATE_TIME.test(value)) return '<date-time>';
  if (GUID.test(value)) return '<guid>';
  if (/^https?:\/\//i.test(value)) return '<url>';
  return '<string>';
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function ignored(path: string, ignore: readonly string[] | undefined): boolean {
  const general = path.replace(/\[\d+\]/g, '[]');
  return (ignore ?? []).some((p) => p === general || general.startsWith(`${p}.`));
}

/**
 * Every way `actual` differs in shape from `expected`, as readable lines (empty when they match).
 * `null` on either side matches any value: Graph documents most properties as nullable.
 */
export function shapeDiff(expected: unknown, actual: unknown, options: ShapeOptions, path = '$'): string[] {
  if (ignored(path, options.ignore)) return [];
  if (expected === null || actual === null) return [];
  const want = kind(expected);
  const got = kind(actual);
  if (want !== got) return [`${path}: documented ${want} ${preview(expected)}, emulator sent ${got} ${preview(actual)}`];
  if (want === 'array') {
    const [first] = expected as unknown[];
    const [actualFirst] = actual as unknown[];
    if (first === undefined) return [];
    // A collection's page must have something to compare; a property array (businessPhones,
    // mentions) may legitimately be empty in the seeded data.
    if (actualFirst === undefined) return path === '$.value' ? [`${path}: documented a non-empty collection, emulator sent []`] : [];
    return shapeDiff(first, actualFirst, options, `${path}[0]`);
  }
  if (want === 'object') return objectDiff(expected as Record<string, unknown>, actual as Record<string, unknown>, options, path);
  if (want === 'string') {
    const a = valueClass(expected as string);
    const b = valueClass(actual as string);
    // A documented plain string may come back as anything string-like; a documented GUID may come
    // back as a composite id that contains one (SharePoint site ids: `host,{GUID},{GUID}`).
    const compatible = a === '<string>' || a === b || (a === '<guid>' && GUID_INSIDE.test(actual as string));
    if (!compatible) return [`${path}: documented ${a} ${preview(expected)}, emulator sent ${b} ${preview(actual)}`];
  }
  return [];
}

function objectDiff(expected: Record<string, unknown>, actual: Record<string, unknown>, options: ShapeOptions, path: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    const at = `${path}.${key}`;
    if (ignored(at, options.ignore)) continue;
    if (!(key in actual)) {
      if (!OPTIONAL_ANNOTATIONS.has(key)) lines.push(`${at}: documented ${preview(value)}, missing from the emulator's answer`);
      continue;
    }
    // The type of a resource is part of its contract: compare it by value.
    if (key === '@odata.type' && typeof value === 'string' && value.replace(/^#/, '') !== String(actual[key]).replace(/^#/, ''))
      lines.push(`${at}: documented ${preview(value)}, emulator sent ${preview(actual[key])}`);
    lines.push(...shapeDiff(value, actual[key], options, at));
  }
  if (!options.truncated)
    for (const key of Object.keys(actual))
      if (!(key in expected) && !key.startsWith('@odata.') && !ignored(`${path}.${key}`, options.ignore))
        lines.push(`${path}.${key}: not in the (complete) documented response, emulator sent ${preview(actual[key])}`);
  return lines;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
