export { NotesRoutes } from './notes-routes';
