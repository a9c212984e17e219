/**
 * The "Depends on" editor loaded on demand: the entry dialog is part of the first download (the
 * register is the default view), and the editor with its combobox and the dependency graph code is
 * not needed until a dialog opens, so it comes in its own chunk (initialJsGzipKb must not grow).
 */
import { Suspense, lazy } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { DependsOnEditorProps } from './DependsOnEditor';

const Editor = lazy(() => import('./DependsOnEditor').then((module) => ({ default: module.DependsOnEditor })));

export function LazyDependsOnEditor(props: DependsOnEditorProps) {
  return (
    <Suspense fallback={<Spinner size="tiny" label={`Loading ${props.label.toLowerCase()}…`} />}>
      <Editor {...props} />
    </Suspense>
  );
}
