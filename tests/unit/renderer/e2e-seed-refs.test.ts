import { describe, expect, it } from 'vitest';
import { buildSeed, SEED_IDS } from '../../../shared/seed';
import { SEED } from '../../e2e/support/seed-refs';

describe('the seed ids repeated for end-to-end tests', () => {
  it('match the seed', () => {
    const seed = buildSeed();
    for (const key of ['article', 'kadhemi', 'khamenei', 'salman', 'tehranVisit', 'saudiVisit', 'washingtonVisit'] as const)
      expect(SEED[key]).toBe(SEED_IDS[key]);
    const e = seed.evidence.find((x) => x.id === SEED.saudiPostponedEvidence.id);
    expect(e).toMatchObject({
      recordType: 'statusChange',
      recordId: SEED_IDS.saudiPostponed,
      field: 'status',
      quote: SEED.saudiPostponedEvidence.quote,
    });
    expect(seed.evidence.filter((x) => x.sourceId === SEED_IDS.article)).toHaveLength(SEED.articleEvidenceCount);
  });
});
