import { describe, expect, it } from 'vitest';
import { comboIndex, matchOptions, type ComboOption } from '../../../renderer/components/combobox-filter';

const PEOPLE: ComboOption[] = [
  { id: 'sisi', label: 'Abdel Fattah al-Sisi', keywords: ['Abdelfattah Said Elsisi'] },
  { id: 'kadhemi', label: 'Mustafa al-Kadhemi', keywords: ['Mustafa Al-Kadhimi', 'Kadhimi'] },
  { id: 'kad', label: 'Kadir Topbaş' },
  { id: 'obama', label: 'Barack Obama' },
  { id: 'macron', label: 'Emmanuel Macron' },
];

const ids = (q: string, limit = 50) => matchOptions(comboIndex(PEOPLE), q, limit).shown.map((o) => o.id);

describe('combobox matching', () => {
  it('lists everything in order for an empty query', () => {
    expect(ids('')).toEqual(['sisi', 'kadhemi', 'kad', 'obama', 'macron']);
    expect(ids('   ')).toEqual(['sisi', 'kadhemi', 'kad', 'obama', 'macron']);
  });

  it('folds case, accents and Arabic articles, and matches the start of any word', () => {
    expect(ids('KADHEMI')).toEqual(['kadhemi']);
    expect(ids('al-kadhemi')).toEqual(['kadhemi']);
    expect(ids('topbas')).toEqual(['kad']);
    expect(ids('mac')).toEqual(['macron']);
    expect(ids('acron')).toEqual([]);
  });

  it('puts a label that starts with the query first, then a word of the label, then a keyword', () => {
    expect(ids('kad')).toEqual(['kad', 'kadhemi']);
    expect(ids('kadhimi')).toEqual(['kadhemi']);
    expect(ids('elsisi')).toEqual(['sisi']);
  });

  it('needs every word of the query, in any order', () => {
    expect(ids('obama barack')).toEqual(['obama']);
    expect(ids('barack macron')).toEqual([]);
  });

  it('renders at most the limit and counts all matches; skips chosen options', () => {
    const many: ComboOption[] = Array.from({ length: 1450 }, (_, i) => ({ id: `p${i}`, label: `Person ${String(i).padStart(4, '0')}` }));
    const index = comboIndex(many);
    const all = matchOptions(index, 'person', 50);
    expect(all.shown).toHaveLength(50);
    expect(all.total).toBe(1450);
    const skipped = matchOptions(index, '', 50, (o) => o.id === 'p0');
    expect(skipped.shown[0]!.id).toBe('p1');
    expect(skipped.total).toBe(1449);
  });
});
