/**
 * The emulator is an independent oracle (issue 11): ESLint's layer rules refuse any import from the
 * client (src/graph, src/domain, src/tab, src/service) into the emulator's core, while its seeds may
 * use the domain. Linted by the project's own ESLint and eslint.config.js in a child process (ESLint
 * loads its flat config with a dynamic import, which Jest's module sandbox does not allow), as if the
 * fixture lived at the path given.
 */
import path from 'node:path';
import { eslint, fixture as fixtureText, lint, root, rule } from './lintAs';

const fixture = fixtureText('emulatorImportsClient.ts.txt');

function layerErrors(filePath: string, code: string): string[] {
  return rule(lint(filePath, code), 'import-x/no-restricted-paths');
}

test('an import from the client into the emulator core fails lint', () => {
  const errors = layerErrors('src/emulator/routes/leak.ts', fixture);
  expect(errors).toHaveLength(2);
  expect(errors[0]).toMatch(/independent oracle/);
});

test("the emulator's seeds may use the domain but not the Graph layer", () => {
  const errors = layerErrors('src/emulator/seed/leak.ts', fixture.replace(/\.\.\/\.\.\//g, '../../'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/seeds may use the domain only/);
});

test('the emulator as it stands passes the rule', () => {
  const results = eslint(['src/emulator']);
  const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => `${path.relative(root, r.filePath)}: ${m.message}`));
  expect(broken).toEqual([]);
});
