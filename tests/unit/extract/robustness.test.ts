import { describe, expect, it } from 'vitest';
import { extractArticle, foldName } from '../../../shared/extract';
import { MAX_SENTENCE_TOKENS, splitSentences, tokenize } from '../../../shared/extract/text';

/** A made-up paragraph with people, places and travel words, repeated with every sentence break removed. */
function withoutBreaks(size: number): string {
  const unit =
    'Prime Minister Arlo Fenwick of Norway will visit Japan next week and Foreign Minister Dana Quell met President Ines Varga in Lisbon, ' +
    'the ministry said on Tuesday while officials postponed a trip to Kenya ';
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

describe('robustness', () => {
  it('cuts a text without sentence breaks into bounded pieces, so that work grows with its length', () => {
    const tokens = tokenize(withoutBreaks(50_000));
    const sentences = splitSentences(tokens);
    expect(sentences.every((s) => s.to - s.from <= MAX_SENTENCE_TOKENS)).toBe(true);
    // Every token is in exactly one piece, in order.
    expect(sentences[0]!.from).toBe(0);
    for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.from).toBe(sentences[i - 1]!.to);
    expect(sentences.at(-1)!.to).toBe(tokens.length);
    // Pieces end after a comma or before a conjunction when one is near the limit.
    const cutAtBreak = sentences
      .slice(0, -1)
      .filter((s) => /^(,|and|but)$/.test(tokens[s.to - 1]!.lower) || /^(and|but)$/.test(tokens[s.to]!.lower));
    expect(cutAtBreak.length).toBeGreaterThan(sentences.length / 2);
  });

  it('reads a megabyte without a full stop (a quadratic reading would not finish within the timeout)', () => {
    const r = extractArticle(withoutBreaks(1_000_000), { publishedOn: '2024-03-06' });
    expect(r.visits.length).toBeGreaterThan(0);
    expect(r.visits.length).toBeLessThan(20);
  }, 60_000);

  it('reads names with combining marks and soft hyphens as the person they spell', () => {
    const r = extractArticle(
      'Chancellor Brenna Holt of Austria spoke on Monday. Ta\u0301mas Ve\u00adrek will visit Chile next week. Ren\u0303e Ostrow\u00adski arrived in Peru.',
      { publishedOn: '2024-03-06' },
    );
    const got = r.visits.map((v) => `${foldName(v.traveller.name)} → ${v.country}`);
    expect(got).toEqual(['tamas verek → CL', 'rene ostrowski → PE']);
    // Offsets still point into the returned (normalised) text.
    for (const v of r.visits) expect(r.text.slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.quote);
  });
});
