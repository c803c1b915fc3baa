import { describe, expect, it } from 'vitest';
import { fmt, meetsTarget, median, p95, quantile, ratio, summarize, table } from '../../../scripts/bench/stats';

describe('benchmark statistics', () => {
  it('median and p95 interpolate between ranks, whatever the sample order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
    expect(p95(hundred)).toBeCloseTo(95.05, 5);
    expect(quantile([5], 0.95)).toBe(5);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('ratio divides medians and says when it cannot', () => {
    expect(ratio(30, 20)).toBe(1.5);
    expect(ratio(0, 0)).toBe(1);
    expect(ratio(5, 0)).toBe(Infinity);
    expect(Number.isNaN(ratio(NaN, 2))).toBe(true);
  });

  it('targets: at most N×, at least N× faster, absolute delta and limits', () => {
    const app = summarize([10, 11, 12]);
    const base = summarize([9, 10, 10]);
    expect(meetsTarget(app, base, { max: 1.15 })).toBe(true);
    expect(meetsTarget(app, base, { max: 1.05 })).toBe(false);
    expect(meetsTarget(summarize([1]), summarize([25]), { speedup: 20 })).toBe(true);
    expect(meetsTarget(summarize([2]), summarize([25]), { speedup: 20 })).toBe(false);
    expect(meetsTarget(summarize([40]), summarize([15]), { delta: 30 })).toBe(true);
    expect(meetsTarget(app, base, { max: 2, p95Max: 11 })).toBe(false);
    expect(meetsTarget(app, null, {})).toBe(false);
  });

  it('formats figures and tables', () => {
    expect(fmt(1234.5)).toBe('1235');
    expect(fmt(12.345, ' ms')).toBe('12.3 ms');
    expect(fmt(0.1234)).toBe('0.123');
    expect(fmt(NaN)).toBe('—');
    const t = table(['a', 'bb'], [['xxx', 'y']]);
    expect(t.split('\n')).toEqual(['| a   | bb |', '| --- | -- |', '| xxx | y  |']);
  });
});
