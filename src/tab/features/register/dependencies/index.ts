/** The entry dialog's "Depends on" editor (issue 16). */
export { DependsOnEditor, type DependsOnEditorProps } from './DependsOnEditor';
export { LazyDependsOnEditor } from './LazyDependsOnEditor';
export { dependedOnBy, dependencyChoices, dependencyRows } from './dependsOnModel';
