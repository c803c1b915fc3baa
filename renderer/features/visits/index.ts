export { VisitsRoutes } from './visits-routes';
