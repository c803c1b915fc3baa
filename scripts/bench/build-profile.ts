/**
 * Builds shared/generate/hsg-profile.json: the shapes and value distributions of the Office of the
 * Historian data set (read through the app's own importer), so the benchmark generator produces
 * realistic records without copying the data. Only aggregates are kept: shares, histograms, the
 * most frequent words of the remarks and the most visited cities (public place names). No record,
 * remark or person's name is copied.
 *
 *   npx tsx scripts/bench/build-profile.ts [DIR]   (default: the data set bundled with the app)
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { daysBetween } from '../../shared/model';
import { importHsg, type HsgInputFile } from '../../shared/importers';
import type { HsgProfile } from '../../shared/generate/profile';
import { readBundledHsg } from '../cli/bundled-hsg';

const dir = process.argv[2] === undefined ? null : resolve(process.argv[2]);
const out = resolve('shared/generate/hsg-profile.json');

function xmlFiles(d: string): string[] {
  return readdirSync(d)
    .sort()
    .flatMap((name) => {
      const p = join(d, name);
      if (statSync(p).isDirectory()) return xmlFiles(p);
      return name.endsWith('.xml') ? [p] : [];
    });
}

const files: HsgInputFile[] =
  dir === null ? readBundledHsg() : xmlFiles(dir).map((p) => ({ name: relative(dir, p), text: readFileSync(p, 'utf8') }));
const result = importHsg(files);
const { visits, people } = result;

function bump<K>(m: Map<K, number>, k: K, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}
function top<K extends string | number>(m: Map<K, number>, n = Infinity): [K, number][] {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}

const tagKind = (tags: string[]) => (tags.some((t) => t.startsWith('hsg:visit:')) ? 'visitsToUs' : 'tripsAbroad');
const personById = new Map(people.map((p) => [p.id, p]));

const datasetShare = new Map<string, number>();
const hostCountries = new Map<string, number>();
const visitorCountries = new Map<string, number>();
const years = new Map<number, number>();
const months = new Map<number, number>();
const precisions = new Map<string, number>();
const durations = new Map<number, number>();
let withEnd = 0;
const kinds = new Map<string, number>();
const purposeWords = new Map<number, number>();
const words = new Map<string, number>();
let withCity = 0;
const cities = new Map<string, { name: string; country: string; lat: number | null; lon: number | null; n: number }>();
const perTraveller = new Map<string, number>();
const delegation = new Map<number, number>();
const titles = new Map<string, number>();
const tours = new Map<string, number>();

const STOP = new Set(['the', 'and', 'of', 'to', 'in', 'a', 'with', 'for', 'on', 'at', 'by', 'an', 'as', 'from', 'was', 'were', 'also']);

for (const v of visits) {
  const ds = tagKind(v.tags);
  bump(datasetShare, ds);
  if (ds === 'visitsToUs') {
    const c = personById.get(v.travellerId)?.country;
    if (c) bump(visitorCountries, c);
  } else bump(hostCountries, v.place.country);
  const start = v.start;
  if (start) {
    bump(years, Number(start.from.slice(0, 4)));
    if (start.precision === 'day') bump(months, Number(start.from.slice(5, 7)));
    bump(precisions, start.precision);
    if (v.end) {
      withEnd++;
      bump(durations, Math.min(45, Math.max(0, daysBetween(start.from, v.end.to))));
    }
  }
  bump(kinds, v.kind);
  const ws = v.purpose.split(/\s+/).filter(Boolean);
  bump(purposeWords, Math.min(80, ws.length));
  for (const w of v.purpose.toLowerCase().match(/[a-z][a-z'-]{2,}/g) ?? []) if (!STOP.has(w)) bump(words, w);
  if (v.place.city) {
    withCity++;
    const k = `${v.place.country}|${v.place.city}`;
    const c = cities.get(k) ?? { name: v.place.city, country: v.place.country, lat: v.place.lat, lon: v.place.lon, n: 0 };
    c.n++;
    cities.set(k, c);
  }
  bump(perTraveller, v.travellerId);
  bump(delegation, Math.min(10, v.delegationIds.length));
  if (v.tourId) bump(tours, v.tourId);
}
for (const p of people) for (const r of p.roles) bump(titles, r.title);
const legs = new Map<number, number>();
for (const n of tours.values()) bump(legs, Math.min(12, n));
const visitsPerTraveller = new Map<number, number>();
for (const n of perTraveller.values()) bump(visitsPerTraveller, Math.min(400, n));

const n = visits.length;
const profile: HsgProfile = {
  about:
    'Aggregate distributions of the Office of the Historian data set (visits of foreign leaders to the U.S., travels of presidents and secretaries of state), ' +
    'read with shared/importers/hsg by scripts/bench/build-profile.ts. Shares and histograms only; no record is copied.',
  records: { visits: n, people: people.length, sources: result.sources.length },
  datasets: Object.fromEntries(top(datasetShare)),
  hostCountries: top(hostCountries),
  visitorCountries: top(visitorCountries),
  years: top(years).sort((a, b) => a[0] - b[0]),
  months: top(months).sort((a, b) => a[0] - b[0]),
  precisions: top(precisions),
  endShare: withEnd / n,
  durationDays: top(durations).sort((a, b) => a[0] - b[0]),
  kinds: top(kinds),
  purposeWords: top(purposeWords).sort((a, b) => a[0] - b[0]),
  vocabulary: top(words, 600),
  cityShare: withCity / n,
  cities: [...cities.values()]
    .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : 1))
    .slice(0, 400)
    .map((c) => [c.name, c.country, c.lat, c.lon, c.n]),
  visitsPerTraveller: top(visitsPerTraveller).sort((a, b) => a[0] - b[0]),
  delegationSize: top(delegation).sort((a, b) => a[0] - b[0]),
  tourLegs: top(legs).sort((a, b) => a[0] - b[0]),
  tourShare: [...tours.values()].reduce((s, k) => s + k, 0) / n,
  titles: top(titles, 40),
};
writeFileSync(out, `${JSON.stringify(profile)}\n`);
process.stdout.write(
  `Wrote ${out}: ${n} visits, ${people.length} people, ${profile.hostCountries.length} host countries, ${profile.cities.length} cities\n`,
);
