/** Graph-side work for dependencies between services (issue 16): the import's second pass that links rows of one file. */
export { linkImportedRows, type LinkResult } from './importLinks';
