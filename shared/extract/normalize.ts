/**
 * Typographic normalisation, done before anything else so that every offset the extractor reports
 * points into the text the Import screen stores (the normalised text, which is what is saved).
 * Most replacements map one UTF-16 unit to one; the text gets shorter where "\r\n" becomes "\n" (an
 * evidence quote should never hold a stray "\r"), where zero-width characters and soft hyphens are
 * dropped, and where NFC composes a letter with its accent.
 */
const SINGLE_QUOTES = /[\u00B4\u2018\u2019\u201A\u201B\u2032\u02BC\u0060]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
// No-break, en/em/thin/hair/ideographic spaces and the like; zero-width ones are removed below.
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
// Zero-width characters and the soft hyphen (a hint where a word may break, invisible in a name).
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

export function normalizeTypography(text: string): string {
  // Composed form: "n" + combining tilde becomes "ñ", so a name typed either way reads the same.
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(ZERO_WIDTH, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SPACES, ' ')
    .replace(DASHES, '-')
    .replace(/\u2026/g, '.')
    .replace(/\t/g, ' ');
}
