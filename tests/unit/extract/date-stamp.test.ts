import { describe, expect, it } from 'vitest';
import { leadingDateStamp } from '../../../shared/extract/reference';

describe('leadingDateStamp: a saved page’s own "date YYYY-MM-DD" at its start', () => {
  it('on its own line: its length takes the line break, so what follows is the article', () => {
    const text = 'date 2019-04-02\nThe minister arrived on Monday.';
    const s = leadingDateStamp(text);
    expect(s).toEqual({ length: 16, day: '2019-04-02' });
    expect(text.slice(s!.length)).toBe('The minister arrived on Monday.');
  });

  it('before a dateline on the same line, and alone in the text', () => {
    expect(leadingDateStamp('  date 2001-12-31 OSLO (AP) - The king…')).toEqual({ length: 18, day: '2001-12-31' });
    expect(leadingDateStamp('date 2001-12-31')).toEqual({ length: 15, day: '2001-12-31' });
  });

  it('is not a word of the article: a date written in a sentence, or run into other text, is no stamp', () => {
    expect(leadingDateStamp('The date 2001-12-31 was set.')).toBeNull();
    expect(leadingDateStamp('date 2001-12-31T10:00 was logged')).toBeNull();
    expect(leadingDateStamp('Date of the visit: 2001-12-31')).toBeNull();
  });
});
