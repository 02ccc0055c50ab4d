// The pure domain: no I/O, safe to import from server and browser code alike.
export * from './status';
export * from './dates';
export * from './fiscal-year';
export * from './money';
export * from './progress';
export * from './overdue';
export * from './deadline';
export * from './budget';
export * from './attributed-money';
export * from './budget-series';
export * from './extraction-quality';
export * from './replies';
export * from './document-type';
export * from './reminders';
