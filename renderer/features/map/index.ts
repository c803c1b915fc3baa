export { MapPage } from './map-page';
