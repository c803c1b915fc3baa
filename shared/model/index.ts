export * from './dates';
export * from './fuzzy-date';
export * from './status';
export * from './status-history';
export * from './schemas';
export * from './visit-ops';
export * from './visit-format';
export * from './visit-filter';
