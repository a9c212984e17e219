/**
 * Use cases: work that needs the Graph layer's stores and searches but is not Graph itself. The tab
 * and the command-line tools call them; they import only the domain and the Graph layer's index.
 */
export * from './import';
