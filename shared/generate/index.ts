/** Deterministic, realistic data for benchmarks and scale tests (see dataset.ts). */
export {
  GENERATED_RATIOS,
  GENERATED_STATUS_SHARES,
  GENERATED_TODAY,
  HSG_PROFILE,
  generateDataset,
  type GenerateOptions,
  type GeneratedDataset,
} from './dataset';
export { GENERATED_EXPORTED_AT, datasetToBackup, generateBackup, generateBackupJson } from './backup';
export { datasetToHsgXml } from './hsg-xml';
export { WeightedSampler, createRng, shuffle, type Rng } from './random';
export type { HsgProfile, Weighted } from './profile';
export { benchScanTexts, benchSearchQueries } from './queries';
