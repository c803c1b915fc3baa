import { z } from 'zod';
import type { HsgInputFile } from './import';

/**
 * The Office of the Historian data set as the app ships it (assets/datasets/historyatstate): one
 * gzip file holding this JSON. Decompressing is the caller's part (the browser's
 * DecompressionStream, Node's zlib); reading what comes out is the same everywhere.
 */
export const BUNDLED_HSG = {
  /** What the Import screen's button calls it. */
  label: 'Office of the Historian records (bundled)',
  /** What importing it gives (checked by a test against the bundle itself). */
  visits: 8_222,
  files: 72,
  /** The bundle's file name in assets/datasets/historyatstate/. */
  fileName: 'historyatstate.json.gz',
} as const;

const bundleSchema = z.object({
  format: z.literal('legation-dataset-bundle'),
  version: z.literal(1),
  dataset: z.literal('historyatstate'),
  files: z.array(z.object({ name: z.string().min(1), text: z.string() })).min(1),
});

/** The XML files of a decompressed bundle, in name order; throws with a plain message when it is not one. */
export function parseHsgBundle(json: string): HsgInputFile[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('The bundled data set is damaged (not JSON); reinstall Legation.');
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) throw new Error('The bundled data set is damaged (not a Legation data set bundle, version 1); reinstall Legation.');
  return [...parsed.data.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
