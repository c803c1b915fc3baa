import type { ExtractionResult } from '../../../shared/extract/types';
import type { ReviewRow } from './review-model';

/**
 * What the article import holds between its stages (import-page.tsx keeps it; input-stage.tsx and
 * review-stage.tsx read and change it).
 */

/** The article as given, and the source details typed beside it. */
export interface Draft {
  text: string;
  /** The file the text came from, if any (decides text or HTML). */
  fileName: string | null;
  publishedOn: string;
  title: string;
  publisher: string;
  url: string;
}

/** Changes some fields of the draft, keeping the others. */
export type SetDraft = (patch: Partial<Draft>) => void;

/** One reading of the article, and the user's decisions on what it proposes. */
export interface Review {
  result: ExtractionResult;
  /** The text the extractor read, before its normalisation; and the input as given (for duplicates). */
  plainText: string;
  rawInput: string;
  rows: ReviewRow[];
  ms: number;
  importAnyway: boolean;
}
