export { SourcesRoutes } from './sources-routes';
