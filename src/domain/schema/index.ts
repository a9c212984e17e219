/** Record schemas: one row per field, and what is derived from them (see fieldSchema.ts). */
export * from './fieldSchema';
export * from './deriveList';
export * from './deriveText';
export * from './deriveValidation';
export * from './limits';
export * from './listValues';
export * from './registerSchema';
