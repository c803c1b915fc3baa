import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Vitest's default leaves one core idle; on the 2-core CI machine that doubles the run.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
