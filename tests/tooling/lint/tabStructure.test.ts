/**
 * The structure rules (issue 15): the use cases' place between graph and the tab; a feature in src/tab/features never imports another feature
 * (shared code and the slots in src/tab/components only), import cycles fail, and the React hooks
 * rules hold. Linted by the project's own ESLint and eslint.config.js in a child process, as if each
 * snippet lived at the path given (see emulatorIndependence.test.ts for why a child process).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eslint, lint, root, rule } from './lintAs';

test('a feature importing another feature fails lint; shared code and its own files pass', () => {
  const crossing = "import { TAB_ENTITY_ID } from '../reminders/tabDigest';\nexport const id = TAB_ENTITY_ID;\n";
  expect(rule(lint('src/tab/features/incidents/leak.ts', crossing), 'import-x/no-restricted-paths')).toEqual([
    expect.stringMatching(/Features never import each other/),
  ]);
  const shared = "import { TAB_ENTITY_ID } from '../../components/tabIdentity';\nimport { toneOf } from './own';\nexport const id = [TAB_ENTITY_ID, toneOf];\n";
  expect(rule(lint('src/tab/features/incidents/fine.ts', shared), 'import-x/no-restricted-paths')).toEqual([]);
});

test('an import cycle fails lint', () => {
  // Two real files (the rule follows imports on disk), written under this folder for the run only.
  const dir = mkdtempSync(path.join(__dirname, 'cycle-'));
  try {
    writeFileSync(path.join(dir, 'first.ts'), "import { second } from './second';\nexport const first = () => second;\n");
    writeFileSync(path.join(dir, 'second.ts'), "import { first } from './first';\nexport const second = () => first;\n");
    const relative = path.relative(root, path.join(dir, 'first.ts'));
    const [result] = eslint([relative]);
    expect(rule(result?.messages ?? [], 'import-x/no-cycle')).toEqual([expect.stringMatching(/cycle/i)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a hook called conditionally, or an effect missing a dependency, fails lint', () => {
  const conditional = [
    "import { useState } from 'react';",
    'export function Thing(props: { show: boolean }) {',
    '  if (props.show) {',
    '    const [value] = useState(0);',
    '    return value;',
    '  }',
    '  return null;',
    '}',
    '',
  ].join('\n');
  expect(rule(lint('src/tab/components/Thing.tsx', conditional), 'react-hooks/rules-of-hooks')).toHaveLength(1);
  const missing = [
    "import { useEffect } from 'react';",
    'export function useLog(message: string) {',
    '  useEffect(() => { console.log(message); }, []);',
    '}',
    '',
  ].join('\n');
  expect(rule(lint('src/tab/components/useLog.ts', missing), 'react-hooks/exhaustive-deps')).toHaveLength(1);
});

test('the use cases sit between the Graph layer and the tab: graph may not import them, and they may not import the tab', () => {
  const upward = "import { runImport } from '../usecases';\nexport const run = runImport;\n";
  expect(rule(lint('src/graph/leak.ts', upward), 'import-x/no-restricted-paths')).toEqual([expect.stringMatching(/src\/graph sits below the use cases/)]);
  const intoTab = "import { TAB_ENTITY_ID } from '../../tab/components/tabIdentity';\nexport const id = TAB_ENTITY_ID;\n";
  expect(rule(lint('src/usecases/import/leak.ts', intoTab), 'import-x/no-restricted-paths')).toEqual([expect.stringMatching(/Use cases import only the domain and the Graph layer/)]);
  const fine = "import { ConflictError } from '@graph';\nimport { sameEntry } from '@domain/spreadsheet';\nexport const both = [ConflictError, sameEntry];\n";
  expect(rule(lint('src/usecases/import/fine.ts', fine), 'import-x/no-restricted-paths')).toEqual([]);
});
