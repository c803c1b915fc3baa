export { ImportRoutes } from './import-routes';
