export { SearchPage } from './search-page';
export { searchRoute } from './search-params';
