export { PeopleRoutes } from './people-routes';
