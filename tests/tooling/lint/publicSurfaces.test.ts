/**
 * Public surfaces: outside a layer, src/domain, src/graph and src/usecases are imported through their
 * aliases and indexes only (`@domain`, `@graph/register`, ...), never past a room's index.ts
 * (`@graph/register/registerStore`) nor by a relative path that climbs into another layer
 * (`../../../domain/localDate`); inside src/graph a room imports another through its index. Tests may
 * reach inside. Linted by the project's own ESLint and eslint.config.js in a child process, as if each
 * fixture lived at the path given (see emulatorIndependence.test.ts for why a child process).
 */
import { errors, fixture, lint, rule } from './lintAs';

test("an alias import past a room's index.ts, or past the layer's index, fails lint", () => {
  expect(rule(lint('src/tab/features/owners/leak.ts', fixture('deepAliasImport.ts.txt')), 'no-restricted-imports')).toEqual([
    expect.stringMatching(/Import '@graph\/register' \(the room's index\.ts\), not a file inside it/),
    expect.stringMatching(/Import '@domain' \(src\/domain\/index\.ts\) or one of its rooms/),
  ]);
});

test('a relative import that climbs into another layer fails lint, even to its index', () => {
  expect(rule(lint('src/tab/features/owners/leak.ts', fixture('deepRelativeImport.ts.txt')), 'no-restricted-imports')).toEqual([
    expect.stringMatching(/Import src\/domain through its alias, '@domain' or '@domain\/<room>'/),
    expect.stringMatching(/Import src\/graph through its alias, '@graph' or '@graph\/<room>'/),
  ]);
  const fromBench = "import { openRegisterStore } from '../src/graph';\nexport const store = openRegisterStore;\n";
  expect(rule(lint('bench/leak.ts', fromBench), 'no-restricted-imports')).toEqual([expect.stringMatching(/through its alias, '@graph'/)]);
});

test('the same imports through the public surfaces pass', () => {
  expect(errors(lint('src/tab/features/owners/fine.ts', fixture('throughIndex.ts.txt')))).toEqual([]);
  expect(errors(lint('src/cli/fine.ts', fixture('throughIndex.ts.txt')))).toEqual([]);
});

test('a deep import() fails lint as a static one does', () => {
  const lazy = "export const gate = () => import('@domain/change/goLiveGate');\nexport const lists = () => import('../../../graph/lists');\n";
  expect(rule(lint('src/tab/features/owners/leak.ts', lazy), 'no-restricted-syntax')).toEqual([
    expect.stringMatching(/Import '@domain\/change' \(the room's index\.ts\)/),
    expect.stringMatching(/Import src\/graph through its alias/),
  ]);
});

test("inside src/graph, a room imports another room through its index, never that room's inner file", () => {
  const inner = "import { eTagOf } from '../register/listItems';\nexport const tag = eTagOf;\n";
  expect(rule(lint('src/graph/access/leak.ts', inner), 'no-restricted-imports')).toEqual([
    expect.stringMatching(/Import another room of src\/graph through its index/),
  ]);
  const throughRoom = "import { eTagOf } from '../register';\nimport { pathSegment } from '../client';\nimport { ownHelper } from './own';\nexport const all = [eTagOf, pathSegment, ownHelper];\n";
  expect(rule(lint('src/graph/access/fine.ts', throughRoom), 'no-restricted-imports')).toEqual([]);
});

test('tests may reach inside a layer (they test internals)', () => {
  expect(rule(lint('tests/graph/register/leak.test.ts', fixture('deepAliasImport.ts.txt')), 'no-restricted-imports')).toEqual([]);
  expect(rule(lint('tests/tab/leak.test.ts', "import { londonDateOf } from '../../src/domain/localDate';\nexport const d = londonDateOf;\n"), 'no-restricted-imports')).toEqual([]);
});

test('the layer rules follow the aliases: the emulator core may not import @graph or @domain, its seeds may use @domain', () => {
  const client = "import { FEATURE_SCOPES } from '@graph';\nimport { londonDateOf } from '@domain';\nexport const leaked = [FEATURE_SCOPES, londonDateOf];\n";
  expect(rule(lint('src/emulator/routes/leak.ts', client), 'import-x/no-restricted-paths')).toEqual([
    expect.stringMatching(/independent oracle/),
    expect.stringMatching(/independent oracle/),
  ]);
  expect(rule(lint('src/emulator/seed/leak.ts', client), 'import-x/no-restricted-paths')).toEqual([expect.stringMatching(/seeds may use the domain only/)]);
  const upward = "import { runImport } from '@usecases';\nexport const run = runImport;\n";
  expect(rule(lint('src/graph/leak.ts', upward), 'import-x/no-restricted-paths')).toEqual([expect.stringMatching(/src\/graph sits below the use cases/)]);
});
