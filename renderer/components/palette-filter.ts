/**
 * The command palette's fuzzy filter, pure: "gomap", "go map", "map" and "gm" all find "Go to
 * Map". A query matches when its characters (spaces ignored, case and accents folded) appear in
 * order in the label or one of the keywords; matches that start words, run contiguously or start
 * the label rank first.
 */
import { foldForSearch } from '../../shared/text/fold';

export interface PaletteItem {
  id: string;
  label: string;
  /** Other words that find the command (e.g. "search" for "Find"). */
  keywords?: readonly string[];
}

/** Score of `query` against one text, or null when its characters do not all appear in order. */
export function fuzzyScore(query: string, text: string): number | null {
  const q = foldForSearch(query).replace(/\s+/g, '');
  if (q === '') return 0;
  const t = foldForSearch(text);
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    const index = t.indexOf(ch, from);
    if (index < 0) return null;
    const wordStart = index === 0 || /[\s\-/–…(]/.test(t[index - 1] ?? '');
    score += 1;
    if (wordStart) score += 8;
    if (index === previous + 1) score += 5;
    if (index === 0) score += 3;
    // Skipped characters cost a little, so tighter matches win.
    score -= Math.min(index - from, 10) * 0.1;
    previous = index;
    from = index + 1;
  }
  // A whole-word or prefix hit beats a scattered one of the same length.
  if (t.startsWith(foldForSearch(query).trim())) score += 10;
  return score;
}

/**
 * The items matching `query`, best first (ties keep the given order, which puts recently used
 * commands first when the caller orders them so). An empty query returns every item.
 */
export function filterPalette<T extends PaletteItem>(items: readonly T[], query: string): T[] {
  if (query.trim() === '') return [...items];
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    let best: number | null = fuzzyScore(query, item.label);
    for (const keyword of item.keywords ?? []) {
      const s = fuzzyScore(query, keyword);
      // A keyword hit counts a little less than the label's own.
      if (s !== null && (best === null || s - 1 > best)) best = s - 1;
    }
    if (best !== null) scored.push({ item, score: best, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((s) => s.item);
}

/** Put recently used ids first (most recent first), the rest in their order. */
export function withRecentFirst<T extends PaletteItem>(items: readonly T[], recent: readonly string[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const first = recent.map((id) => byId.get(id)).filter((item): item is T => item !== undefined);
  const seen = new Set(first.map((item) => item.id));
  return [...first, ...items.filter((item) => !seen.has(item.id))];
}

/** The recent list after running `id`: it moves to the front; at most `max` ids are kept. */
export function pushRecent(recent: readonly string[], id: string, max = 5): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, max);
}
