/**
 * Typographic normalisation, done before anything else so that every offset the extractor reports
 * points into the text the Import screen stores. Each replacement maps one UTF-16 unit to one, so an
 * offset in the original text is the same offset in the normalised one, except for line endings:
 * "\r\n" becomes "\n" (one unit shorter) because evidence quotes should never hold a stray "\r".
 */
const SINGLE_QUOTES = /[\u00B4\u2018\u2019\u201A\u201B\u2032\u02BC\u0060]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
// No-break, en/em/thin/hair/ideographic spaces and the like; zero-width ones are removed below.
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

export function normalizeTypography(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .replace(/\u2026/g, '.')
    .replace(/\t/g, ' ');
}
