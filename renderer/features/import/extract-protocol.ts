import type { ExtractionResult, KnownPerson } from '../../../shared/extract/types';

/** Messages between the Import page and its extraction worker. */
export interface ExtractRequest {
  id: number;
  /** 'html' input is turned into text first (in the worker too: a large page is slow to convert). */
  format: 'text' | 'html';
  input: string;
  publishedOn: string | null;
  knownPeople: KnownPerson[];
}

export type ExtractResponse =
  | {
      id: number;
      ok: true;
      result: ExtractionResult;
      /** The text the extractor read (the HTML's text for a page): checked for duplicates too. */
      plainText: string;
      /** Milliseconds spent in the worker. */
      ms: number;
    }
  | { id: number; ok: false; error: string };
