/** The entry <-> list item field mapping is pure (src/domain/registerFields.ts): the Graph layer and the emulator's seeds share it. */
export { dataTypesToField, dateToField, entryToFields, fieldToDataTypes, fieldToDate, fieldsToEntry, type ListItemFields } from '@domain';
