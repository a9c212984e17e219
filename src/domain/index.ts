/** The domain: pure register rules. Nothing here does I/O or reads the clock; `today` is always passed in. */
export * from './entry';
export * from './localDate';
export * from './fieldLabels';
export * from './contactFormats';
export * from './validation';
export * from './due';
export * from './downtime';
export * from './reviewStatus';
export * from './riskFlags';
export * from './review';
export * from './reminders';
export * from './catalogue/starterCatalogue';
export * from './catalogue/catalogueItem';
export * from './spreadsheet';
export * from './people';
export * from './maturity';
export * from './dependencies';
