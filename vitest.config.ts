import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Vitest's default leaves one core idle; on the 2-core CI machine that doubles the run.
    maxWorkers: Math.max(2, availableParallelism()),
    // Some tests import the whole Office of the Historian data set (~3 s idle): a busy machine must
    // not turn that into a failure. Speed is measured by `npm run bench`, never by a unit test.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
