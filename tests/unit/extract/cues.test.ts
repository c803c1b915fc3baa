import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract';

/** "status:words date:words" for each proposal: the words the review highlights. */
function cues(text: string, publishedOn = '2024-03-06'): string[] {
  const r = extractArticle(text, { publishedOn });
  for (const v of r.visits) for (const c of v.cues) expect(r.text.slice(c.start, c.end)).toBe(c.quote);
  return r.visits.map((v) => v.cues.map((c) => `${c.kind}:${c.quote}`).join(' '));
}

describe('cues: the words that decided status and date', () => {
  it('points at the status word and the date phrase', () => {
    expect(cues('Chilean President Marta Solis has postponed her visit to Egypt planned for next Tuesday.')).toEqual([
      'status:postponed date:next Tuesday',
    ]);
    expect(cues('Prime Minister Oren Talbot of Canada will visit Ghana on Friday.')).toEqual(['status:will date:on Friday']);
    expect(cues('Prime Minister Oren Talbot of Canada visited Ghana in January.')).toEqual(['status:visited date:January']);
  });

  it('gives no date cue when no date was read', () => {
    expect(cues('Prime Minister Oren Talbot of Canada called off his trip to Ghana.')).toEqual(['status:called off']);
  });
});
