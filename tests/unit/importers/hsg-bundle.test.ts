import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUNDLED_HSG, importHsg, parseHsgBundle } from '../../../shared/importers';
import { BUNDLED_HSG_PATH, readBundledHsg } from '../../../scripts/cli/bundled-hsg';

describe('the bundled Office of the Historian data set', () => {
  it('is small, and holds the visits and travels files the importer reads', () => {
    expect(readFileSync(BUNDLED_HSG_PATH).length).toBeLessThan(400_000);
    const files = readBundledHsg();
    expect(files).toHaveLength(BUNDLED_HSG.files);
    expect(files.filter((f) => f.name.startsWith('visits/'))).toHaveLength(16);
    expect(files.map((f) => f.name)).toContain('travels/president-travels/kennedy-john-f.xml');
    expect(readBundledHsg('travels/secretary-travels').every((f) => f.name.startsWith('travels/secretary-travels/'))).toBe(true);
  });

  it('imports to the counts the Import screen announces, with no warning', () => {
    const r = importHsg(readBundledHsg());
    expect(r.visits).toHaveLength(BUNDLED_HSG.visits);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('a damaged bundle is refused in words', () => {
    expect(() => parseHsgBundle('{"files": [')).toThrow('The bundled data set is damaged (not JSON); reinstall Legation.');
    expect(() => parseHsgBundle('{"format": "other", "version": 1}')).toThrow(/not a Legation data set bundle/);
    const json = gunzipSync(readFileSync(BUNDLED_HSG_PATH)).toString('utf8');
    const newer = json.replace('"version":1', '"version":2');
    expect(() => parseHsgBundle(newer)).toThrow(/version 1/);
  });
});
