import { describe, expect, it } from 'vitest';
import { segmentText } from '../../../shared/text/segments';

const ids = (segs: { spans: { id: string }[] }[]) => segs.map((s) => s.spans.map((x) => x.id).join('+'));

describe('segmentText', () => {
  it('returns the whole text as one plain piece when there are no spans', () => {
    expect(segmentText('hello', [])).toEqual([{ start: 0, end: 5, text: 'hello', spans: [] }]);
    expect(segmentText('', [])).toEqual([]);
  });

  it('marks a single span and keeps the text around it', () => {
    const segs = segmentText('The Saudi leg was postponed.', [{ id: 'a', start: 4, end: 13 }]);
    expect(segs.map((s) => s.text)).toEqual(['The ', 'Saudi leg', ' was postponed.']);
    expect(ids(segs)).toEqual(['', 'a', '']);
  });

  it('splits overlapping spans at every boundary; the middle carries both', () => {
    //           0123456789
    const text = 'abcdefghij';
    const segs = segmentText(text, [
      { id: 'a', start: 1, end: 6 },
      { id: 'b', start: 4, end: 9 },
    ]);
    expect(segs.map((s) => s.text)).toEqual(['a', 'bcd', 'ef', 'ghi', 'j']);
    expect(ids(segs)).toEqual(['', 'a', 'a+b', 'b', '']);
  });

  it('handles nested spans, identical spans and spans touching end to start', () => {
    const text = 'abcdefghij';
    const segs = segmentText(text, [
      { id: 'outer', start: 0, end: 10 },
      { id: 'inner', start: 3, end: 5 },
      { id: 'twin', start: 3, end: 5 },
      { id: 'next', start: 5, end: 7 },
    ]);
    expect(segs.map((s) => s.text)).toEqual(['abc', 'de', 'fg', 'hij']);
    expect(ids(segs)).toEqual(['outer', 'outer+inner+twin', 'outer+next', 'outer']);
  });

  it('ignores empty and inverted spans and clamps spans that run past the text', () => {
    const segs = segmentText('abc', [
      { id: 'empty', start: 1, end: 1 },
      { id: 'inverted', start: 2, end: 1 },
      { id: 'long', start: 2, end: 99 },
      { id: 'negative', start: -5, end: 1 },
    ]);
    expect(segs.map((s) => s.text)).toEqual(['a', 'b', 'c']);
    expect(ids(segs)).toEqual(['negative', '', 'long']);
  });

  it('always gives the text back, whatever the spans (random check)', () => {
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const text = 'x'.repeat(rnd(60)) + 'é\n'.repeat(rnd(5));
      const spans = Array.from({ length: rnd(8) }, (_, i) => {
        const a = rnd(text.length + 3) - 1;
        return { id: String(i), start: a, end: a + rnd(20) };
      });
      const segs = segmentText(text, spans);
      expect(segs.map((s) => s.text).join('')).toBe(text);
      for (let i = 0; i < segs.length; i++) {
        const s = segs[i]!;
        expect(s.end).toBeGreaterThan(s.start);
        if (i > 0) expect(s.start).toBe(segs[i - 1]!.end);
        // Each piece is covered exactly by the spans that contain it.
        const expected = spans.filter(
          (sp) => Math.max(0, sp.start) <= s.start && Math.min(text.length, sp.end) >= s.end && sp.end > sp.start,
        );
        expect(s.spans.map((x) => x.id).sort()).toEqual(expected.map((x) => x.id).sort());
      }
    }
  });
});
