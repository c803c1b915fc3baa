export * from './routes';
export { historicalCapital, type HistoricalCapital } from './historical-capitals';
