/** Importers of outside data sets: pure functions from file contents (strings) to Legation records. */
export * from './hsg';
export { stableUuid } from './stable-id';
export { RefusedDocumentError, assertNoDtd } from './xml-safety';
export { HISTORICAL_COUNTRIES } from '../places/historical';
