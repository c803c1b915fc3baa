/**
 * Ids of seeded records for end-to-end tests. Playwright's loader cannot import shared/seed (it
 * imports the gazetteer JSON without an import attribute), so the ids are repeated here; the unit
 * test tests/unit/renderer/e2e-seed-refs.test.ts checks that they match the seed.
 */
export const SEED = {
  article: '5eed0000-0000-4000-8000-000000000001',
  kadhemi: '5eed0000-0000-4000-8000-000000000011',
  khamenei: '5eed0000-0000-4000-8000-000000000012',
  salman: '5eed0000-0000-4000-8000-000000000013',
  tehranVisit: '5eed0000-0000-4000-8000-000000000021',
  saudiVisit: '5eed0000-0000-4000-8000-000000000022',
  washingtonVisit: '5eed0000-0000-4000-8000-000000000023',
  /** Evidence: "The Saudi leg was postponed" (the status change postponing the Saudi visit). */
  saudiPostponedEvidence: { id: '5eed0000-0000-4000-8000-000000000123', quote: 'The Saudi leg was postponed' },
  /** How many evidence quotes the seeded article holds. */
  articleEvidenceCount: 57,
} as const;
