import { describe, expect, it } from 'vitest';
import { dayDate } from '../../../shared/model';
import { buildReportModel, renderIcs } from '../../../shared/reports';
import { SEED_IDS } from '../../../shared/seed';
import { OPTIONS, seedInput, withVisit } from './fixtures';

describe('a visit in the first century', () => {
  it('is exported to iCalendar on its own days, not nineteen centuries later', () => {
    const input = seedInput();
    const visit = input.visits.find((v) => v.id === SEED_IDS.tehranVisit)!;
    const early = { ...visit, start: dayDate('0050-03-01'), end: dayDate('0050-03-01') };
    const ics = renderIcs(buildReportModel(withVisit(input, early), OPTIONS));
    expect(ics).toContain('DTSTART;VALUE=DATE:00500301');
    expect(ics).toContain('DTEND;VALUE=DATE:00500302');
    expect(ics).not.toContain('1950');
  });
});
