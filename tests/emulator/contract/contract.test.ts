/**
 * The contract suite: Microsoft Graph's own documentation examples (examples/*.json), replayed
 * against a seeded emulator. Each must answer as documented (status, headers that matter, JSON
 * shape), except those marked `knownDifference`, which must still fail, the documented way, so
 * the list of differences in docs/emulator.md cannot silently go stale.
 */
import { startTestEmulator, type RunningEmulator } from '../../support/emulator';
import { describeFailure, loadFamilies, mintToken, replay } from './replay';
import { prepareTenant, type Tenant } from './tenant';

let emulator: RunningEmulator;
let tenant: Tenant;

beforeAll(async () => {
  emulator = await startTestEmulator({ directorySize: 200 });
  const tokens = new Map<string, Promise<string | undefined>>();
  tenant = await prepareTenant(async (scope, method, path, body) => {
    const app = scope.startsWith('app:');
    if (!tokens.has(scope)) tokens.set(scope, mintToken(emulator.url, app ? { application: [scope.slice(4)] } : { delegated: [scope] }));
    const token = await tokens.get(scope);
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token ?? ''}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  });
});
afterAll(() => emulator.close());

const families = loadFamilies();

describe.each(families.map((f) => [f.family, f] as const))('%s', (_name, family) => {
  for (const example of family.examples) {
    const title = `${example.doc.replace(/^.*\//, '')}: ${example.name}`;
    if (example.knownDifference === undefined) {
      it(`answers as documented — ${title}`, async () => {
        const replayed = await replay(emulator.url, example, tenant);
        if (replayed.problems.length > 0) throw new Error(describeFailure(example, replayed));
      });
    } else {
      it(`differs as listed (${example.knownDifference}) — ${title}`, async () => {
        const replayed = await replay(emulator.url, example, tenant);
        if (replayed.problems.length === 0)
          throw new Error(`${example.doc} "${example.name}" now answers as documented: remove its knownDifference and its line in docs/emulator.md.`);
        if (example.failsWith && replayed.status !== example.failsWith.status)
          throw new Error(`Expected the known difference to answer ${example.failsWith.status}, got:\n${describeFailure(example, replayed)}`);
      });
    }
  }
});

it('keeps every example as documentation data: page, name, permission, request and response', () => {
  for (const example of families.flatMap((f) => f.examples)) {
    expect(example.doc).toMatch(/^(api-reference\/v1\.0\/api|concepts)\/[\w.-]+\.md$/);
    expect(example.name.length).toBeGreaterThan(0);
    expect(example.request.method).toMatch(/^(GET|POST|PATCH|PUT|DELETE)$/);
    expect(example.response.status).toBeGreaterThanOrEqual(200);
    // Every departure from the page's text is explained.
    if (example.literals || example.ignore) expect(example.why).toBeDefined();
    if (example.knownDifference !== undefined) expect(example.failsWith).toBeDefined();
  }
});

it('replays at least 60 documented examples that pass', () => {
  const passing = families.flatMap((f) => f.examples).filter((e) => e.knownDifference === undefined);
  expect(passing.length).toBeGreaterThanOrEqual(60);
});
