/** The entry dialog's "Depends on" editor (issue 16). */
export { DependsOnEditor, type DependsOnEditorProps } from './DependsOnEditor';
export { dependedOnBy, dependencyChoices, dependencyRows } from './dependsOnModel';
