/** The register's columns are pure data (src/domain/registerColumns.ts): the Graph layer and the emulator's seeds share them. */
export * from '../../domain/registerColumns';
