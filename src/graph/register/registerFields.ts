/** The entry <-> list item field mapping is pure (src/domain/registerFields.ts): the Graph layer and the emulator's seeds share it. */
export * from '../../domain/registerFields';
