import type { FuzzyDate, VisitStatus } from '../model';

/**
 * What the article extractor returns: proposals for the user to review, never records. Pure data;
 * the Import screen turns accepted proposals into Source, Person, Visit and Evidence records.
 */
export interface ExtractOptions {
  /** The article's publication day (YYYY-MM-DD); decides when the text gives no year. */
  publishedOn?: string | undefined;
  /** The dateline place if the caller knows it (e.g. "Tehran"). */
  dateline?: string | undefined;
  /** Known people (from the database) to match names and aliases against. */
  knownPeople?: readonly KnownPerson[] | undefined;
}

export interface KnownPerson {
  id: string;
  name: string;
  aliases: readonly string[];
  country: string | null;
}

/** A span of the (normalised) article text: `text.slice(start, end) === quote`. */
export interface TextSpan {
  start: number;
  end: number;
  quote: string;
}

/**
 * Words that decided a field of a proposal, for the review to highlight: the status ("postponed",
 * "will visit", "arrived") and the date ("on Tuesday", "next week").
 */
export interface CueSpan extends TextSpan {
  kind: 'status' | 'date';
}

export interface ExtractedPerson {
  /** Full name as best known in the article ("Mustafa al-Kadhemi"). */
  name: string;
  title: string | null;
  /** ISO alpha-2 of the country the person represents, when the article says. */
  country: string | null;
  /** Other forms used in the article ("Kadhemi", "Iraq's visiting premier"). */
  mentions: string[];
  /** Matched person in the database, by name or alias. */
  knownPersonId: string | null;
}

export interface ExtractedVisit {
  traveller: ExtractedPerson;
  /** ISO alpha-2 host country. */
  country: string;
  city: string | null;
  status: VisitStatus;
  /** Fuzzy dates resolved against the reference date; null when the article gives none. */
  start: FuzzyDate | null;
  end: FuzzyDate | null;
  /** The words the dates came from ("on Tuesday", "within weeks"). */
  datePhrase: string | null;
  /** The sentence the proposal came from, with its offsets in the normalised text. */
  evidence: TextSpan;
  /**
   * The words that decided the status and the start date, with their offsets in the normalised
   * text (at most one of each kind; none when the status is the default or no date was read).
   */
  cues: CueSpan[];
  /** 0..1, how sure the extractor is (for ordering and review hints). */
  confidence: number;
  /** For a postponed visit: the new target the article gives ("during the first quarter of 2023"), if any. */
  rescheduledTo?: FuzzyDate | null;
}

export interface ExtractionResult {
  /** The text after typographic normalisation; all offsets point into it. */
  text: string;
  referenceDate: string | null;
  /** Where the reference date came from. */
  referenceSource: 'date-line' | 'dateline' | 'published' | 'caller' | 'none';
  datelinePlace: { country: string; city: string | null } | null;
  people: ExtractedPerson[];
  visits: ExtractedVisit[];
}
