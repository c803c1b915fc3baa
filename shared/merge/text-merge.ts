import { diff3Merge } from 'node-diff3';

/**
 * Three-way merge of a text edited in two places from one common version (a note open in two
 * windows). The diff3 algorithm itself is node-diff3's; what is ours is the units it works on and
 * what we do where both sides changed the same passage.
 *
 * The merge runs by lines, and each passage that both sides changed is merged again by words (runs
 * of letters, runs of white space, single other characters), so two people editing different
 * sentences of one paragraph (one line in Markdown) merge cleanly.
 *
 * Where both sides changed the same words:
 * - both only inserted there (the usual case: each window typed at the end): both insertions are
 *   kept, the other side's first (it was saved first), and the merge still counts as clean;
 * - otherwise it is a conflict: the whole lines of both versions are kept, one after the other,
 *   between marker lines, so that neither text is lost and the user sees what to fix. The markers
 *   name no window ("this window" would be wrong in the other one, which shows the same text) and
 *   read as plain text in Markdown (git's "=======" would turn the line above into a heading).
 */

export interface TextMergeResult {
  /** The merged text. Never drops a character either side wrote. */
  text: string;
  /** True when some passage was changed differently on both sides (both versions are in `text`, between markers). */
  conflict: boolean;
  /** True when both sides had changed the text (differently): the result combines them. */
  merged: boolean;
}

/** The three marker lines around the two versions of a passage changed on both sides. */
export interface ConflictMarkers {
  start: string;
  middle: string;
  end: string;
}

export const CONFLICT_MARKERS: ConflictMarkers = {
  start: '⟪ Changed in two windows at once. One version: ⟫',
  middle: '⟪ The other version: ⟫',
  end: '⟪ End of the two versions ⟫',
};

const WORD = /\s+|[\p{L}\p{M}\p{N}_]+|[\s\S]/gu;
const LINE = /[^\n]*\n|[^\n]+$/g;

/** Splits a text into word units; joining them gives the text back exactly. */
export function mergeTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

function lines(text: string): string[] {
  return text.match(LINE) ?? [];
}

/**
 * Merges `mine` and `theirs`, both edited from `base`. Pure and deterministic. When only one side
 * changed the text, that side's text comes back as it is.
 */
export function mergeText(base: string, mine: string, theirs: string, markers: ConflictMarkers = CONFLICT_MARKERS): TextMergeResult {
  if (mine === theirs || theirs === base) return { text: mine, conflict: false, merged: false };
  if (mine === base) return { text: theirs, conflict: false, merged: false };
  let text = '';
  let conflict = false;
  for (const region of diff3Merge(lines(mine), lines(base), lines(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) {
      text += region.ok.join('');
    } else if (region.conflict) {
      const a = region.conflict.a.join('');
      const b = region.conflict.b.join('');
      const words = mergeWords(region.conflict.o.join(''), a, b);
      if (words !== null) {
        text += words;
      } else {
        conflict = true;
        text += conflictBlock(a, b, markers);
      }
    }
  }
  return { text, conflict, merged: true };
}

/** The passage merged by words, or null when both sides changed the same words differently. */
function mergeWords(base: string, mine: string, theirs: string): string | null {
  if (mine === theirs || theirs === base) return mine;
  if (mine === base) return theirs;
  let text = '';
  for (const region of diff3Merge(mergeTokens(mine), mergeTokens(base), mergeTokens(theirs), { excludeFalseConflicts: true })) {
    if (region.ok) {
      text += region.ok.join('');
    } else if (region.conflict) {
      const { a, o, b } = region.conflict;
      // Both inserted at the same place: keep both, the other side's (saved first) first.
      if (o.length > 0) return null;
      text += joinInsertions(b.join(''), a.join(''));
    }
  }
  return text;
}

/** Two insertions at one place, kept both: separated by a space, or a line break if either spans lines. */
function joinInsertions(first: string, second: string): string {
  if (first === '' || second === '') return first + second;
  if (/\s$/.test(first) || /^\s/.test(second)) return first + second;
  return first + (first.includes('\n') || second.includes('\n') ? '\n' : ' ') + second;
}

/** Both versions of whole lines, between marker lines. */
function conflictBlock(mine: string, theirs: string, m: ConflictMarkers): string {
  const line = (s: string) => (s === '' || s.endsWith('\n') ? s : `${s}\n`);
  const trailing = mine.endsWith('\n') || theirs.endsWith('\n') ? '\n' : '';
  return `${m.start}\n${line(mine)}${m.middle}\n${line(theirs)}${m.end}${trailing}`;
}

/** True when the text still holds a conflict block written by `mergeText` (the editor says so until it is edited away). */
export function hasConflictMarkers(text: string, m: ConflictMarkers = CONFLICT_MARKERS): boolean {
  return text.includes(m.start) && text.includes(m.end);
}
