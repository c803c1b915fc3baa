import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodingProblem, isUtf8, sniffEncoding } from '../../../shared/text/encoding';

const utf16le = (s: string) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
};
const utf16be = (s: string) => {
  const le = utf16le(s);
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);
const TEXT = 'The minister will visit Nairobi on Monday, officials said.\n';

describe('sniffEncoding', () => {
  it('takes UTF-8, with or without its byte-order mark, in any script', () => {
    expect(sniffEncoding(new TextEncoder().encode(TEXT))).toBe('utf-8');
    expect(sniffEncoding(withBom([0xef, 0xbb, 0xbf], new TextEncoder().encode(TEXT)))).toBe('utf-8');
    expect(sniffEncoding(new TextEncoder().encode('الكاظمي في طهران — 東京 🇮🇶'))).toBe('utf-8');
    expect(sniffEncoding(new Uint8Array())).toBe('utf-8');
  });

  it('finds UTF-16 by its byte-order mark, and without one by its NUL pattern', () => {
    expect(sniffEncoding(withBom([0xff, 0xfe], utf16le(TEXT)))).toBe('utf-16le');
    expect(sniffEncoding(withBom([0xfe, 0xff], utf16be(TEXT)))).toBe('utf-16be');
    expect(sniffEncoding(utf16le(TEXT))).toBe('utf-16le');
    expect(sniffEncoding(utf16be(TEXT))).toBe('utf-16be');
    expect(sniffEncoding(withBom([0xff, 0xfe, 0, 0], new Uint8Array(8)))).toBe('utf-32');
  });

  it('tells Latin-1 text from a binary file', () => {
    const latin1 = Uint8Array.from('Le président a visité Brasília.\n', (c) => c.charCodeAt(0));
    expect(sniffEncoding(latin1)).toBe('latin-1');
    expect(sniffEncoding(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x01, 0x02, 0x9c, 0x00, 0x17]))).toBe('binary');
    expect(sniffEncoding(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('binary');
  });

  it('agrees with TextDecoder on what is well-formed UTF-8', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let ok = true;
        try {
          strict.decode(bytes);
        } catch {
          ok = false;
        }
        expect(isUtf8(bytes)).toBe(ok);
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(isUtf8(new TextEncoder().encode(s))).toBe(true);
      }),
    );
  });
});

describe('encodingProblem', () => {
  it('names the encoding and what to do', () => {
    expect(encodingProblem('a.json', 'utf-8')).toBeNull();
    expect(encodingProblem('backup.json', 'utf-16le')).toBe(
      '“backup.json” is UTF-16 text; Legation reads UTF-8. Save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and try again.',
    );
    expect(encodingProblem('old.txt', 'latin-1')).toMatch(/^“old\.txt” looks like Latin-1 \(Windows-1252\) text; .* Save it as UTF-8/);
    expect(encodingProblem('photo.xml', 'binary')).toBe('“photo.xml” is not a text file.');
  });
});
