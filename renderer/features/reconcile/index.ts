export { ReconcilePage } from './reconcile-page';
