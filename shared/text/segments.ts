/**
 * Splits a text at every boundary of a set of (possibly overlapping or nested) spans, so that a
 * reader can render each piece once and mark it with every span that covers it. Pure: no DOM.
 */
export interface Span {
  start: number;
  end: number;
}

export interface Segment<T extends Span> {
  start: number;
  end: number;
  text: string;
  /** The spans covering this piece, in the order they were given (empty for plain text). */
  spans: T[];
}

/**
 * Returns consecutive segments covering the whole text (their texts joined give the text back).
 * Spans are clamped to the text; empty or inverted spans are ignored. Runs in O((n + m) log m)
 * for n characters' worth of boundaries and m spans.
 */
export function segmentText<T extends Span>(text: string, spans: readonly T[]): Segment<T>[] {
  const len = text.length;
  const valid = spans
    .map((span, order) => ({ span, order, start: Math.max(0, Math.min(len, span.start)), end: Math.max(0, Math.min(len, span.end)) }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start);
  const bounds = new Set<number>([0, len]);
  for (const s of valid) {
    bounds.add(s.start);
    bounds.add(s.end);
  }
  const cuts = [...bounds].sort((a, b) => a - b);
  // Sweep: spans start and end at cuts; keep the active ones keyed by their original order.
  const startsAt = new Map<number, typeof valid>();
  const endsAt = new Map<number, typeof valid>();
  for (const s of valid) {
    startsAt.set(s.start, [...(startsAt.get(s.start) ?? []), s]);
    endsAt.set(s.end, [...(endsAt.get(s.end) ?? []), s]);
  }
  const active = new Map<number, T>();
  const out: Segment<T>[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    for (const s of endsAt.get(a) ?? []) active.delete(s.order);
    for (const s of startsAt.get(a) ?? []) active.set(s.order, s.span);
    if (b <= a) continue;
    const covering = [...active.entries()].sort((x, y) => x[0] - y[0]).map(([, span]) => span);
    const prev = out[out.length - 1];
    // Neighbouring plain pieces never occur (a cut always changes the active set), but merge
    // pieces with identical coverage anyway so callers get the fewest elements.
    if (prev && prev.end === a && sameSpans(prev.spans, covering)) {
      prev.end = b;
      prev.text = text.slice(prev.start, b);
    } else {
      out.push({ start: a, end: b, text: text.slice(a, b), spans: covering });
    }
  }
  return out;
}

function sameSpans<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
