/** The Office of the Historian data set the repository ships (assets/datasets/historyatstate). */
export { readBundledHsg as readHsgFiles, bundledHsgFolder } from '../../../scripts/cli/bundled-hsg';

/** A small visits file in the data set's format. */
export function visitsXml(records: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<visits>\n${records}\n</visits>\n`;
}

export function visitRecord(o: {
  id: string;
  start?: string;
  end?: string;
  visitor: string;
  slug: string;
  text?: string;
  description?: string;
}): string {
  return `<visit>
    <id>${o.id}</id>
    <start-date>${o.start ?? '1950-02-01'}</start-date>
    <end-date>${o.end ?? o.start ?? '1950-02-01'}</end-date>
    <visitor>${o.visitor}</visitor>
    <from id="${o.slug}">${o.text ?? o.slug}</from>
    <description>${o.description ?? 'Met with the President.'}</description>
    <created-by>test</created-by>
    <created-datetime>2010-10-25T16:17:47.87-04:00</created-datetime>
    <last-modified-by>test</last-modified-by>
    <last-modified-datetime>2010-10-25T16:17:47.87-04:00</last-modified-datetime>
  </visit>`;
}

export function tripsXml(records: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<trips>\n${records}\n</trips>\n`;
}

export function tripRecord(o: {
  id: string;
  role?: 'president' | 'secretary';
  who?: string;
  name?: string;
  start?: string;
  end?: string;
  slug: string;
  text?: string;
  locale?: string;
  remarks?: string;
}): string {
  const role = o.role ?? 'president';
  const who = o.who ?? 'obama-barack';
  return `<trip role="${role}" who="${who}">
    <id>${o.id}</id>
    <role>${role}</role>
    <name>${o.name ?? 'Barack Obama'}</name>
    <start-date>${o.start ?? '2009-04-03'}</start-date>
    <end-date>${o.end ?? o.start ?? '2009-04-04'}</end-date>
    <country id="${o.slug}">${o.text ?? o.slug}</country>
    ${o.locale === undefined ? '<locale/>' : `<locale>${o.locale}</locale>`}
    <remarks>${o.remarks ?? 'Attended the NATO Summit Meeting.'}</remarks>
    <created-by>test</created-by>
    <created-datetime>2010-10-19T13:56:12.253-04:00</created-datetime>
    <last-modified-by>test</last-modified-by>
    <last-modified-datetime>2010-10-19T13:56:12.253-04:00</last-modified-datetime>
  </trip>`;
}
