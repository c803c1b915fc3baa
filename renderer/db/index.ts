/** The renderer's data layer: screens import from here, never from Dexie or the database instance. */
export * from './visits';
export * from './people';
export * from './sources';
export * from './notes';
export * from './backup';
export * from './errors';
export * from './hooks';
export * from './undo';
export { requestPersistentStorage } from './storage';
export { initDatabase, type DatabaseStatus } from './init';
export * from './record-views';
export * from './article-import';
export * from './reconcile';
export * from './report-data';
export * from './dataset-import';
