import { diff3Merge } from 'node-diff3';

/**
 * Three-way merge of a text edited in two places from one common version (a note open in two
 * windows). The diff3 algorithm itself is node-diff3's; what is ours is the unit it works on and
 * what we do where both sides changed the same passage.
 *
 * Units are words, runs of white space and single other characters, so two people editing
 * different sentences of one paragraph (one line in Markdown) merge cleanly, which a line-based
 * merge would call a conflict.
 *
 * Where both sides changed the same place:
 * - both only inserted there (the usual case: each window typed at the end): both insertions are
 *   kept, the other side's first (it was saved first), and the merge still counts as clean;
 * - otherwise it is a conflict: both versions of the passage are kept, one after the other,
 *   between marker lines, so that neither text is lost and the user can see what to fix.
 */

export interface TextMergeResult {
  /** The merged text. Never drops a character either side wrote. */
  text: string;
  /** True when some passage was changed differently on both sides (both versions are in `text`, between markers). */
  conflict: boolean;
  /** True when both sides had changed the text (differently): the result combines them. */
  merged: boolean;
}

export interface TextMergeLabels {
  mine: string;
  theirs: string;
}

export const DEFAULT_MERGE_LABELS: TextMergeLabels = { mine: 'this window', theirs: 'another window' };

/** The marker lines around a conflict, built from the labels (exported for tests and for the editor's hint). */
export function conflictMarkers(labels: TextMergeLabels = DEFAULT_MERGE_LABELS) {
  return { start: `<<<<<<< ${labels.mine}`, middle: '=======', end: `>>>>>>> ${labels.theirs}` };
}

const TOKEN = /\s+|[\p{L}\p{M}\p{N}_]+|[\s\S]/gu;

/** Splits a text into merge units; joining them gives the text back exactly. */
export function mergeTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Merges `mine` and `theirs`, both edited from `base`. Pure and deterministic. When either side
 * did not change the text the other side's text comes back as it is.
 */
export function mergeText(base: string, mine: string, theirs: string, labels: TextMergeLabels = DEFAULT_MERGE_LABELS): TextMergeResult {
  if (mine === theirs || theirs === base) return { text: mine, conflict: false, merged: false };
  if (mine === base) return { text: theirs, conflict: false, merged: false };
  const regions = diff3Merge(mergeTokens(mine), mergeTokens(base), mergeTokens(theirs), { excludeFalseConflicts: true });
  const markers = conflictMarkers(labels);
  let text = '';
  let conflict = false;
  for (const region of regions) {
    if (region.ok) {
      text += region.ok.join('');
    } else if (region.conflict) {
      const { a, o, b } = region.conflict;
      if (o.length === 0) {
        // Both inserted at the same place: keep both, the other side's (saved first) first.
        text += joinInsertions(b.join(''), a.join(''));
      } else {
        conflict = true;
        text += conflictBlock(text, a.join(''), b.join(''), markers);
      }
    }
  }
  return { text, conflict, merged: true };
}

/** Two insertions at one place, kept both: separated by a space, or a line break if either is on lines of its own. */
function joinInsertions(first: string, second: string): string {
  if (first === '' || second === '') return first + second;
  if (/\s$/.test(first) || /^\s/.test(second)) return first + second;
  return first + (first.includes('\n') || second.includes('\n') ? '\n' : ' ') + second;
}

/** Both versions of a passage, between marker lines that start on a line of their own. */
function conflictBlock(before: string, mine: string, theirs: string, m: ReturnType<typeof conflictMarkers>): string {
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const line = (s: string) => (s.endsWith('\n') || s === '' ? s : `${s}\n`);
  return `${lead}${m.start}\n${line(mine)}${m.middle}\n${line(theirs)}${m.end}\n`;
}

/** True when the text still holds a conflict block written by `mergeText` (the editor keeps saying so until it is edited away). */
export function hasConflictMarkers(text: string, labels: TextMergeLabels = DEFAULT_MERGE_LABELS): boolean {
  const m = conflictMarkers(labels);
  return text.includes(`${m.start}\n`) && text.includes(`\n${m.end}`);
}
