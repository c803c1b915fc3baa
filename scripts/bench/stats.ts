/** Pure statistics for the benchmark runner: median, p95, ratios, targets. Unit-tested in tests/unit/generate/stats.test.ts. */

/** The q-quantile (0..1) by linear interpolation between closest ranks; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const pos = (s.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = s[lo] ?? NaN;
  const b = s[hi] ?? NaN;
  return a + (b - a) * (pos - lo);
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]): number => quantile(samples, 0.95);

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: median(samples),
    p95: p95(samples),
    min: samples.length ? Math.min(...samples) : NaN,
    max: samples.length ? Math.max(...samples) : NaN,
  };
}

/** app / baseline on medians; NaN when either is missing, Infinity when the baseline is 0 and the app is not. */
export function ratio(app: number, baseline: number): number {
  if (!Number.isFinite(app) || !Number.isFinite(baseline)) return NaN;
  if (baseline === 0) return app === 0 ? 1 : Infinity;
  return app / baseline;
}

/**
 * A target on the ratio (and optionally absolute limits on the app's figures):
 * - `max`: ratio ≤ max (the app may be at most max× the baseline);
 * - `speedup`: baseline / app ≥ speedup (the app must be that many times faster);
 * - `min`: ratio ≥ min (a quality figure, higher is better: the app at least min× the baseline);
 * - `delta`: app − baseline ≤ delta (absolute, e.g. MB of heap).
 */
export interface Target {
  max?: number;
  min?: number;
  speedup?: number;
  delta?: number;
  medianMax?: number;
  p95Max?: number;
}

export function meetsTarget(app: Summary, baseline: Summary | null, target: Target): boolean {
  const checks: boolean[] = [];
  if (target.max !== undefined && baseline) checks.push(ratio(app.median, baseline.median) <= target.max);
  if (target.min !== undefined && baseline) checks.push(ratio(app.median, baseline.median) >= target.min);
  if (target.speedup !== undefined && baseline) checks.push(ratio(baseline.median, app.median) >= target.speedup);
  if (target.delta !== undefined && baseline) checks.push(app.median - baseline.median <= target.delta);
  if (target.medianMax !== undefined) checks.push(app.median <= target.medianMax);
  if (target.p95Max !== undefined) checks.push(app.p95 <= target.p95Max);
  return checks.length > 0 && checks.every(Boolean);
}

/** Formats a figure for the table: 3 significant digits, '—' for a missing one. */
export function fmt(x: number, unit = ''): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '—' : '∞';
  const a = Math.abs(x);
  const s = a >= 100 ? x.toFixed(0) : a >= 10 ? x.toFixed(1) : a >= 1 ? x.toFixed(2) : x.toFixed(3);
  return `${s}${unit}`;
}

/** A plain-text table with aligned columns (also valid Markdown). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
