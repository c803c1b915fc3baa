import { foldForMatch } from '../text/fold';

/**
 * Telling whether two person records name the same person: news, datasets and analysts write the
 * same name many ways (Kadhemi, Kadhimi, al-Kadhimi, Al-Kadhimi). `samePerson` is what
 * reconciliation uses to pair travellers; `nameSkeleton` also lets the People list's find box match
 * a spelling that differs in its vowels (renderer/features/people/people-data.ts). Linking a name to a known
 * person (imports, possible duplicates) is `match.ts`, built on the same words and skeletons.
 */

/** Consonant skeleton of a word: transliterations differ mostly in their vowels (Kadhemi / Kadhimi). */
export function nameSkeleton(word: string): string {
  return word.replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1');
}

export interface NamedPerson {
  name: string;
  aliases: readonly string[];
}

/**
 * Titles and forms of address that are not part of a name ("President", "Sheikh", "H.E.", "Ibu"):
 * the one list, for comparing records here and for reading names in articles (shared/extract).
 */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'prof',
  'sir',
  'dame',
  'lord',
  'lady',
  'sheikh',
  'sheikha',
  'shaikh',
  'ayatollah',
  'he',
  'hh',
  'hm',
  'hrh',
  'ibu',
  'bapak',
  'pak',
  'king',
  'queen',
  'prince',
  'princess',
  'emir',
  'amir',
  'sultan',
  'president',
  'prime',
  'minister',
  'general',
  'his',
  'her',
  'majesty',
  'highness',
  'excellency',
]);

function words(folded: string): string[] {
  return folded.split(' ').filter((w) => !HONORIFICS.has(w));
}

/**
 * Do two person records name the same person? True when a full form (name or alias) is equal
 * after folding, or when they share a surname (last word, by consonant skeleton) and their given
 * names (first word) agree or one of them gives none.
 */
export function samePerson(a: NamedPerson, b: NamedPerson): boolean {
  const formsA = [a.name, ...a.aliases].map(foldForMatch).filter(Boolean);
  const formsB = new Set([b.name, ...b.aliases].map(foldForMatch).filter(Boolean));
  if (formsA.some((f) => formsB.has(f))) return true;
  const surnames = (forms: string[]) =>
    new Set(
      forms
        .map((f) => words(f).at(-1))
        .filter((w): w is string => !!w && w.length > 2)
        .map(nameSkeleton),
    );
  const sa = surnames(formsA);
  const sb = surnames([...formsB]);
  if (![...sa].some((s) => s.length >= 3 && sb.has(s))) return false;
  const given = (name: string) => {
    const w = words(foldForMatch(name));
    return w.length >= 2 ? w[0] : undefined;
  };
  const ga = given(a.name);
  const gb = given(b.name);
  return !ga || !gb || ga === gb;
}
