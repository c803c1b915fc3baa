import { describe, expect, it } from 'vitest';
import { datesError, formatError, modeOf, printViewPath } from '../../../renderer/features/reports/reports-model';

describe('the Reports screen’s choices', () => {
  it('tells which visits a selection names', () => {
    expect(modeOf({})).toBe('all');
    expect(modeOf({ country: 'IR' })).toBe('filter');
    expect(modeOf({ visitId: 'v1', country: 'IR' })).toBe('visit');
  });

  it('checks the brief’s two days, and only the brief’s', () => {
    expect(datesError('brief', '2020-07-25', '2020-07-01')).toBeNull();
    expect(datesError('brief', '', '2020-07-01')).toBe('Choose the day the brief speaks of (“As of”).');
    expect(datesError('brief', '2020-07-25', '2020-13-01')).toBe('Choose the day changes are counted from (“Changes since”).');
    expect(datesError('brief', '2020-07-01', '2020-07-25')).toBe('“Changes since” must be on or before “As of”.');
    expect(datesError('annex', '', '')).toBeNull();
  });

  it('keeps the data formats to the annex', () => {
    expect(formatError('annex', 'csv')).toBeNull();
    expect(formatError('brief', 'pdf')).toBeNull();
    expect(formatError('brief', 'csv')).toBe('The brief is written in Markdown, HTML, Word or PDF.');
    expect(formatError('dossier', 'json')).toBe('The dossier is written in Markdown, HTML, Word or PDF.');
  });

  it('sends PDF to the print view with the selection, or to the dossier’s own page', () => {
    const base = { selection: { country: 'IR' }, dossierVisitId: undefined, title: 'My brief', asOf: '2020-07-25', since: '2020-07-01' };
    expect(printViewPath({ ...base, template: 'brief' })).toBe(
      '/reports/print?country=IR&title=My+brief&template=brief&asOf=2020-07-25&since=2020-07-01&print=1',
    );
    expect(printViewPath({ ...base, template: 'annex' })).toBe('/reports/print?country=IR&title=My+brief&print=1');
    expect(printViewPath({ ...base, template: 'dossier' })).toBeNull();
    expect(printViewPath({ ...base, template: 'dossier', dossierVisitId: 'v1' })).toBe('/reports/dossier/v1?title=My+brief&print=1');
  });
});
