import type { GeneratedDataset } from './dataset';

/**
 * The benchmark's ten realistic full-text queries for a generated data set: a traveller's surname,
 * another's full name, a city, frequent remark words, a country and a first name (lower-cased).
 * One list for the browser benchmark (bench/harness.ts) and the Node one (scripts/bench/search-engine.ts).
 */
export function benchSearchQueries(d: GeneratedDataset): string[] {
  const travellers = new Set(d.visits.map((v) => v.travellerId));
  const people = d.people.filter((p) => travellers.has(p.id)).slice(0, 3);
  const city = d.visits.find((v) => v.place.city)?.place.city ?? 'Paris';
  return [
    people[0]?.name.split(' ').pop() ?? 'summit',
    people[1]?.name ?? 'prime minister',
    city,
    'summit',
    'prime minister',
    'nato ministerial',
    'state visit',
    'trade',
    'france',
    people[2]?.name.split(' ')[0] ?? 'peace',
  ].map((s) => s.toLowerCase());
}

/**
 * The search benchmark's baseline records: every searchable record's text, lower-cased, as a
 * linear scan would hold them in memory (the traveller's name with each visit).
 */
export function benchScanTexts(d: GeneratedDataset): string[] {
  const people = new Map(d.people.map((p) => [p.id, p]));
  return [
    ...d.visits.map(
      (v) => `${people.get(v.travellerId)?.name ?? ''} ${v.place.city ?? ''} ${v.place.country} ${v.purpose} ${v.tags.join(' ')}`,
    ),
    ...d.people.map((p) => `${p.name} ${p.aliases.join(' ')} ${p.roles.map((r) => r.title).join(' ')}`),
    ...d.notes.map((n) => n.body),
    ...d.sources.map((s) => `${s.title} ${s.text}`),
    ...d.events.map((e) => `${e.title} ${e.description}`),
  ].map((s) => s.toLowerCase());
}
