import { geoGraticule10, geoInterpolate, geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Natural Earth 1:110m countries, bundled by Vite into the app: the map never touches the network.
import atlas from 'world-atlas/countries-110m.json';
import type { RouteEnd } from '../../../shared/geo';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

const projection = geoNaturalEarth1().fitExtent(
  [
    [6, 6],
    [MAP_WIDTH - 6, MAP_HEIGHT - 6],
  ],
  { type: 'Sphere' },
);
const path = geoPath(projection);

export interface CountryShape {
  id: string;
  name: string;
  d: string;
}

let shapes: { sphere: string; graticule: string; countries: CountryShape[] } | null = null;

/** The base map's SVG paths (sphere, graticule, countries), computed once per window. */
export function baseMap(): { sphere: string; graticule: string; countries: CountryShape[] } {
  if (shapes) return shapes;
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topology, topology.objects.countries);
  shapes = {
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    countries: fc.features.map((f, i) => ({
      id: String(f.id ?? i),
      name: f.properties?.name ?? '',
      d: path(f as GeoPermissibleObjects) ?? '',
    })),
  };
  return shapes;
}

/** The great-circle path between two places (d3 resamples the line along the arc). */
export function routePath(from: RouteEnd, to: RouteEnd): string {
  return (
    path({
      type: 'LineString',
      coordinates: [
        [from.lon, from.lat],
        [to.lon, to.lat],
      ],
    }) ?? ''
  );
}

/** A place's position on the map, or null when the projection cannot show it. */
export function projectPoint(p: { lat: number; lon: number }): [number, number] | null {
  return projection([p.lon, p.lat]) ?? null;
}

/** The middle of the great-circle route on the map (where a focused route's tooltip goes). */
export function routeMidpoint(from: RouteEnd, to: RouteEnd): [number, number] | null {
  const [lon, lat] = geoInterpolate([from.lon, from.lat], [to.lon, to.lat])(0.5);
  return projectPoint({ lat, lon });
}
