/**
 * Safe XML text handling for importers. Documents with a DOCTYPE or an ENTITY declaration are
 * refused outright: entity expansion ("billion laughs") and external entities (SYSTEM
 * "file:///etc/passwd") must never run, and no data set we import needs a DTD. The parser (saxes)
 * then decodes only the five predefined entities and character references, once, so "&amp;lt;"
 * stays the text "&lt;"; it has no DTD support at all, so a declared entity could not expand anyway.
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
