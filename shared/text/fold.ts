/**
 * Folding text before comparing it, in one place, so that a spelling that matches on one screen
 * matches on all: "Kādhimī" = "Kadhimi", "al-Kadhimi" = "Kadhimi", "Łódź" = "Lodz". Each variant
 * is named for what it is for; all start from foldForSearch.
 */

/** Letters NFKD does not decompose into a base letter plus marks. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
};

/**
 * Arabic articles, as a word of their own once a hyphen splits them ("al-", "el-", "ul-") or
 * assimilated to the next letter ("ash-Shara", "as-Sadr"): only the name after one identifies anyone.
 */
export const ARABIC_ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ul', 'ad', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'an']);

const ARTICLE_PREFIX = new RegExp(`^(${[...ARABIC_ARTICLES].join('|')})-`);

/**
 * For finding text: lower case, no accents or marks, special letters spelled out ("Straße" →
 * "strasse"). A lone acute accent is an apostrophe typed on the wrong key ("Côte d´Ivoire"); it
 * becomes one first, as NFKD would turn it into a space.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/\u00B4/g, "'")
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłıþ]/g, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** "Al" and "el" written apart from the name ("Al Kadhimi"); the other articles are English words too. */
const LOOSE_ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

/**
 * For matching names spelled differently (finding people, the Visits list's find box, report
 * travellers, reconciliation): foldForSearch, then apostrophes and dots dropped, other
 * punctuation a space, a hyphenated Arabic article dropped from each word and a loose "al"/"el"
 * before another word ("Mustafa Al-Kadhimi" → "mustafa kadhimi", "O'Neill" → "oneill").
 * Hyphens inside a name stay ("jean-yves").
 */
export function foldForMatch(name: string): string {
  const words = foldForSearch(name)
    .replace(/[´`'’‘ʼʻ.]/g, '')
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && w !== '-');
  return words
    .filter((w, i) => !(LOOSE_ARTICLES.has(w) && i < words.length - 1))
    .map((w) => w.replace(ARTICLE_PREFIX, ''))
    .filter((w) => w !== '' && w !== '-')
    .join(' ');
}

/**
 * For telling whether two spellings are the same name exactly (an import linking a traveller to
 * a known person): case, accents and the kind of apostrophe do not count, spaces are collapsed,
 * everything else does, so "al-Kadhimi" and "Kadhimi" stay two names here.
 */
export function foldForExact(name: string): string {
  return foldForSearch(name.replace(/[\u2018\u2019`]/g, "'"))
    .replace(/\s+/g, ' ')
    .trim();
}
