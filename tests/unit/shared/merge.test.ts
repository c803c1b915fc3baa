import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CONFLICT_MARKERS,
  applyFieldMerge,
  conflictingFields,
  hasConflictMarkers,
  mergeFields,
  mergeText,
  mergeTokens,
} from '../../../shared/merge';

describe('mergeText (three-way, word units)', () => {
  const base = '# Riyadh\n\nThe trip was planned for August. Talks on oil.';

  it('gives the other text back when only one side changed', () => {
    expect(mergeText(base, base, `${base} More.`)).toEqual({ text: `${base} More.`, conflict: false, merged: false });
    expect(mergeText(base, `${base} Mine.`, base)).toEqual({ text: `${base} Mine.`, conflict: false, merged: false });
    expect(mergeText(base, 'same', 'same').text).toBe('same');
  });

  it('merges edits of different sentences in one paragraph (a line-based merge would not)', () => {
    const mine = base.replace('August', 'early August');
    const theirs = base.replace('Talks on oil.', 'Talks on oil and security.');
    const r = mergeText(base, mine, theirs);
    expect(r).toEqual({
      text: '# Riyadh\n\nThe trip was planned for early August. Talks on oil and security.',
      conflict: false,
      merged: true,
    });
  });

  it('keeps both texts typed at the same place (both windows typed at the end), the other one first', () => {
    const r = mergeText(base, `${base}\nTyped here.`, `${base}\nTyped there.`);
    expect(r.conflict).toBe(false);
    expect(r.text).toBe(`${base}\nTyped there.\nTyped here.`);
    const inline = mergeText('a b', 'a b c', 'a b d');
    expect(inline.text).toBe('a b d c');
  });

  it('keeps both versions of the whole lines between markers when both changed the same words, and says so', () => {
    const mine = base.replace('August', 'September');
    const theirs = base.replace('August', 'October');
    const r = mergeText(`${base}\n\nLast line.`, `${mine}\n\nLast line.`, `${theirs}\n\nLast line.`);
    expect(r.conflict).toBe(true);
    expect(r.merged).toBe(true);
    const m = CONFLICT_MARKERS;
    expect(r.text).toBe(
      `# Riyadh\n\n${m.start}\nThe trip was planned for September. Talks on oil.\n${m.middle}\nThe trip was planned for October. Talks on oil.\n${m.end}\n\nLast line.`,
    );
    expect(hasConflictMarkers(r.text)).toBe(true);
    expect(hasConflictMarkers(base)).toBe(false);
    // At the very end (no final line break), the block ends the text.
    expect(mergeText('a', 'b', 'c').text).toBe(`${m.start}\nb\n${m.middle}\nc\n${m.end}`);
  });

  it('merges by words inside lines both sides changed, by lines elsewhere', () => {
    const b0 = 'one two three\nfour five six\n';
    const r = mergeText(b0, 'one 2 three\nfour five six\nseven\n', 'one two 3\nfour five six\n');
    expect(r).toEqual({ text: 'one 2 3\nfour five six\nseven\n', conflict: false, merged: true });
  });

  it('never loses a word either side wrote (deletion against edit keeps the edit)', () => {
    const mine = 'one three';
    const theirs = 'one two-and-a-half three';
    const r = mergeText('one two three', mine, theirs);
    expect(r.conflict).toBe(true);
    expect(r.text).toContain('two-and-a-half');
  });

  it('splits into units that join back to the text exactly (any script, emoji, marks)', () => {
    for (const t of ['', 'Kāẓimī — الكاظمي 👍🏽\n\n- a\r\n', 'e\u0301t\u00e9 x']) expect(mergeTokens(t).join('')).toBe(t);
  });
});

describe('mergeFields', () => {
  type Form = { purpose: string; tags: string; hostIds: string[]; city: string };
  const fields = ['purpose', 'tags', 'hostIds', 'city'] as const;
  const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const base: Form = { purpose: 'Talks', tags: '', hostIds: ['a'], city: 'Paris' };

  it('takes one-sided changes from their side and asks only where both changed differently', () => {
    const mine: Form = { ...base, tags: 'oil', city: 'Lyon', hostIds: ['a', 'b'] };
    const theirs: Form = { ...base, purpose: 'Oil talks', city: 'Nice', hostIds: ['a', 'b'] };
    const merges = mergeFields(fields, base, mine, theirs, eq);
    expect(merges.map((m) => [m.field, m.kind])).toEqual([
      ['purpose', 'theirs'],
      ['tags', 'mine'],
      ['hostIds', 'both-same'],
      ['city', 'conflict'],
    ]);
    expect(conflictingFields(merges)).toEqual(['city']);
    expect(applyFieldMerge(mine, merges)).toEqual({ purpose: 'Oil talks', tags: 'oil', hostIds: ['a', 'b'], city: 'Lyon' });
    expect(applyFieldMerge(mine, merges, { city: 'theirs' })).toEqual({
      purpose: 'Oil talks',
      tags: 'oil',
      hostIds: ['a', 'b'],
      city: 'Nice',
    });
  });

  it('finds nothing to do when nothing changed', () => {
    expect(mergeFields(fields, base, base, { ...base }, eq).every((m) => m.kind === 'same')).toBe(true);
  });
});

describe('mergeText, properties', () => {
  const words = fc.array(fc.constantFrom('oil', 'talks', 'in', 'Baghdad', '.', ',', ' ', '\n', 'the', 'visit'), { maxLength: 40 });

  it('two windows inserting text anywhere: both insertions are kept', () => {
    fc.assert(
      fc.property(words, fc.nat(), fc.nat(), (tokens, i, j) => {
        const base = tokens.join('');
        const at = (n: number) => (base.length === 0 ? 0 : n % (base.length + 1));
        const a = at(i);
        const b = at(j);
        const mine = `${base.slice(0, a)} MINEWORD ${base.slice(a)}`;
        const theirs = `${base.slice(0, b)} THEIRWORD ${base.slice(b)}`;
        const r = mergeText(base, mine, theirs);
        expect(r.text).toContain('MINEWORD');
        expect(r.text).toContain('THEIRWORD');
      }),
      { numRuns: 300 },
    );
  });

  it('whatever both sides do, every word either side added is in the result', () => {
    fc.assert(
      fc.property(words, words, words, (b, m, t) => {
        const base = b.join('');
        const mine = `${m.join('')} M1 ${base}`;
        const theirs = `${base} T1 ${t.join('')}`;
        const r = mergeText(base, mine, theirs);
        expect(r.text).toContain('M1');
        expect(r.text).toContain('T1');
      }),
      { numRuns: 300 },
    );
  });
});
