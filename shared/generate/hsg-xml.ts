/**
 * Generated visits written as Office of the Historian XML files, for benchmarking the whole dataset
 * import (parse → validate → store). Visits to the United States become `<visit>` records in
 * visits/<decade>.xml; other visits become `<trip>` records in one travels file per traveller.
 * Multi-leg trips are written one record per leg (the importer's legs come from the locale).
 */
import type { HsgInputFile } from '../importers';
import { countryName } from '../places';
import type { GeneratedDataset } from './dataset';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The dataset's visits as HSG XML files (people, notes and the rest are not part of that format). */
export function datasetToHsgXml(data: GeneratedDataset): HsgInputFile[] {
  const people = new Map(data.people.map((p) => [p.id, p]));
  const decades = new Map<string, string[]>();
  const trips = new Map<string, { role: string; who: string; parts: string[] }>();
  data.visits.forEach((v, i) => {
    const person = people.get(v.travellerId);
    const name = person?.name ?? 'Unknown';
    const title = person?.roles[0]?.title ?? '';
    const start = v.start?.from ?? '';
    const end = v.end?.to ?? start;
    if (v.place.country === 'US') {
      const from = person?.country ?? 'XX';
      const cname = countryName(from);
      const decade = `visits/${start.slice(0, 3)}0.xml`;
      const list = decades.get(decade) ?? [];
      list.push(
        `  <visit>\n    <id>${i + 1}</id>\n    <start-date>${start}</start-date>\n    <end-date>${end}</end-date>\n` +
          `    <visitor>${esc(`${title} ${name}`.trim())}</visitor>\n    <from id="${slug(cname)}">${esc(cname)}</from>\n` +
          `    <description>${esc(v.purpose)}</description>\n  </visit>`,
      );
      decades.set(decade, list);
      return;
    }
    const role = title === 'President' ? 'president' : 'secretary';
    const who = slug(name);
    const file = `travels/${role}-travels/${who}.xml`;
    const t = trips.get(file) ?? { role, who, parts: [] };
    const cname = countryName(v.place.country);
    t.parts.push(
      `  <trip role="${role}" who="${who}">\n    <id>${i + 1}</id>\n    <role>${role}</role>\n    <name>${esc(name)}</name>\n` +
        `    <start-date>${start}</start-date>\n    <end-date>${end}</end-date>\n    <country id="${slug(cname)}">${esc(cname)}</country>\n` +
        `    <locale>${esc(v.place.city ?? '')}</locale>\n    <remarks>${esc(v.purpose)}</remarks>\n  </trip>`,
    );
    trips.set(file, t);
  });
  const files: HsgInputFile[] = [];
  for (const [name, list] of [...decades].sort()) {
    files.push({ name, text: `<?xml version="1.0" encoding="UTF-8"?>\n<visits>\n${list.join('\n')}\n</visits>\n` });
  }
  for (const [name, t] of [...trips].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    files.push({ name, text: `<?xml version="1.0" encoding="UTF-8"?>\n<trips>\n${t.parts.join('\n')}\n</trips>\n` });
  }
  return files;
}
