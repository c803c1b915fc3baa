/**
 * What a file's bytes are, before they are read as text. Legation reads UTF-8 only; a file in
 * another encoding is refused with a message that says which one and what to do, the same in the
 * command line, in Electron and in the browser (a plain "contains NUL bytes" or a text full of
 * U+FFFD tells the user nothing).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32' | 'latin-1' | 'binary';

/** How much of a file is looked at for the pattern of UTF-16 without a byte-order mark. */
const SAMPLE = 4096;

/** The encoding of `bytes`: from a byte-order mark, the pattern of NUL bytes, and whether they are valid UTF-8. */
export function sniffEncoding(bytes: Uint8Array): Encoding {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) return 'utf-32';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (bytes.indexOf(0) >= 0) {
    // Mostly-ASCII text in UTF-16 is pairs of a printable byte and a NUL (the character's high byte).
    let le = 0;
    let be = 0;
    for (let i = 0; i < n; i += 2) {
      const a = bytes[i]!;
      const b = bytes[i + 1]!;
      if (b === 0 && textByte(a)) le++;
      else if (a === 0 && textByte(b)) be++;
    }
    const pairs = n / 2;
    if (le >= 4 && le >= pairs * 0.3 && be <= le * 0.05) return 'utf-16le';
    if (be >= 4 && be >= pairs * 0.3 && le <= be * 0.05) return 'utf-16be';
    return 'binary';
  }
  if (isUtf8(bytes)) return 'utf-8';
  return looksLikeLatin1(bytes) ? 'latin-1' : 'binary';
}

/** Well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). */
export function isUtf8(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return false;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** A byte that text holds: not a control character, except tab, line feed, form feed and carriage return. */
function textByte(b: number): boolean {
  return b >= 0x20 ? b !== 0x7f : b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d;
}

/** Text in Latin-1 or Windows-1252: no control characters other than tab, line feed, form feed and carriage return. */
function looksLikeLatin1(bytes: Uint8Array): boolean {
  for (const b of bytes) if (!textByte(b)) return false;
  return true;
}

/** What to tell the user about a file that is not UTF-8 (null when it is). */
export function encodingProblem(fileName: string, encoding: Encoding): string | null {
  switch (encoding) {
    case 'utf-8':
      return null;
    case 'utf-16le':
    case 'utf-16be':
      return `“${fileName}” is UTF-16 text; Legation reads UTF-8. Save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and try again.`;
    case 'utf-32':
      return `“${fileName}” is UTF-32 text; Legation reads UTF-8. Save it as UTF-8 and try again.`;
    case 'latin-1':
      return `“${fileName}” looks like Latin-1 (Windows-1252) text; Legation reads UTF-8. Save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and try again.`;
    case 'binary':
      return `“${fileName}” is not a text file.`;
  }
}
