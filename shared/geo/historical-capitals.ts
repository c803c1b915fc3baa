/**
 * Capitals of the historical countries in shared/places/historical.ts (the gazetteer holds today's
 * countries only). Coordinates from GeoNames, rounded to 4 decimals like the gazetteer's.
 */
export interface HistoricalCapital {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

const CAPITALS: Readonly<Record<string, HistoricalCapital>> = Object.freeze({
  SU: { name: 'Moscow', lat: 55.7522, lon: 37.6156 },
  YU: { name: 'Belgrade', lat: 44.804, lon: 20.4651 },
  CS: { name: 'Prague', lat: 50.088, lon: 14.4208 },
  DD: { name: 'East Berlin', lat: 52.5244, lon: 13.4105 },
  VD: { name: 'Saigon', lat: 10.823, lon: 106.6296 },
  YD: { name: 'Aden', lat: 12.7794, lon: 45.0367 },
  AN: { name: 'Willemstad', lat: 12.1084, lon: -68.9335 },
});

/** The capital of a historical country code (SU → Moscow), or null. */
export function historicalCapital(code: string): HistoricalCapital | null {
  return CAPITALS[code.trim().toUpperCase()] ?? null;
}
