/**
 * Safe XML text handling for importers. Documents with a DOCTYPE or an ENTITY declaration are
 * refused outright: entity expansion ("billion laughs") and external entities (SYSTEM
 * "file:///etc/passwd") must never run, and no data set we import needs a DTD. The parser is used
 * with entity processing off; the five predefined entities and numeric character references are
 * decoded here, once, in a single pass, so "&amp;lt;" stays the text "&lt;".
 */

/** A file the importer will not read, with the reason in words. */
export class RefusedDocumentError extends Error {
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'RefusedDocumentError';
  }
}

const DTD_MARKERS = /<!\s*(DOCTYPE|ENTITY)\b/i;

/** Throws RefusedDocumentError when the text declares a DOCTYPE or an ENTITY. */
export function assertNoDtd(fileName: string, text: string): void {
  const m = DTD_MARKERS.exec(text);
  if (!m) return;
  const what = (m[1] ?? '').toUpperCase();
  throw new RefusedDocumentError(
    fileName,
    `refused: the file contains a <!${what}> declaration. Entity declarations can expand without limit or read other files, so files with a DTD are not imported.`,
  );
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Characters XML 1.0 allows (§2.2): tab, LF, CR, and everything from space up except surrogates and U+FFFE/U+FFFF. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;

/**
 * Decodes the five predefined entities and numeric character references (&#233; &#xE9;). A
 * reference to a character XML forbids (NUL, a surrogate, beyond U+10FFFF) becomes U+FFFD; any
 * other "&name;" is left as written.
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (_all, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return PREDEFINED[named] ?? _all;
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    return isXmlChar(cp) ? String.fromCodePoint(cp) : '\uFFFD';
  });
}
