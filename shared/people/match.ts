import { foldForMatch } from '../text/fold';
import { HONORIFICS, nameSkeleton } from './names';

/**
 * Is this name someone we already know? The one matcher for every import (article and data set)
 * and for the People screen's "Possible duplicates". Names are folded by `foldForMatch`; each
 * spelling (name or alias) gives two keys:
 *
 * - the **full key**: the folded words without honorifics ("President Donald J. Trump" →
 *   "donald j trump"); equal full keys are the same name;
 * - the **loose key**: the given name and the surname by consonant skeleton, middle names and
 *   initials left out, a compound given name joined ("Abdel Fattah" = "Abdelfattah") and an
 *   article glued to the surname dropped ("Elsisi" = "al-Sisi"). Equal loose keys are a likely
 *   match, for a person to decide.
 *
 * A match is **certain** when the full keys are equal, or equal once middle initials are left out
 * ("Donald J. Trump" / "Donald Trump"), and only one known person matches so; two spellings with
 * different initials ("George W. Bush" / "George H. W. Bush") are never the same.
 */

export interface MatchablePerson {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** Words a given name starts with that belong to the next word ("Abdel Fattah", "Abu Bakr"). */
const JOINED_PREFIXES = new Set([
  'abd',
  'abdel',
  'abdul',
  'abdal',
  'abu',
  'abou',
  'bin',
  'ibn',
  'bou',
  'van',
  'von',
  'de',
  'da',
  'le',
  'la',
]);
/** An Arabic article written as one word with the surname ("Alsisi", "Elsisi"). */
const GLUED_ARTICLE = /^(al|el)(?=[a-z]{4,})/;

/** Letters that romanisations trade for one another ("Qasimov" / "Kasimow", "Khaled" / "Kaled"). */
const LETTER_VARIANTS: [RegExp, string][] = [
  [/ph/g, 'f'],
  [/dj/g, 'j'],
  [/([kgdt])h/g, '$1'],
  [/ck|c|q/g, 'k'],
  [/w/g, 'v'],
];

/** A word as the loose key compares it: letter variants evened out, then its consonant skeleton. */
function looseWord(word: string): string {
  let w = word.replace(/-/g, '');
  for (const [from, to] of LETTER_VARIANTS) w = w.replace(from, to);
  return nameSkeleton(w);
}

export interface NameKeys {
  /** Folded words, honorifics dropped. */
  full: string;
  /** The full key without one-letter words (middle initials). */
  noInitials: string;
  /** The one-letter words, in order ("j" of "Donald J. Trump"). */
  initials: string;
  /** Given name and surname by skeleton; '' for a one-word name. */
  loose: string;
}

export function nameKeys(name: string): NameKeys {
  // Initials written together ("George H.W. Bush") are initials each.
  const words = foldForMatch(name.replace(/\b(\p{L})\.(?=\p{L}\b)/gu, '$1. '))
    .split(' ')
    .filter((w) => w !== '');
  while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  const full = words.join(' ');
  const long = words.filter((w) => w.length > 1);
  const initials = words.filter((w) => w.length === 1).join('');
  let loose = '';
  if (long.length >= 2) {
    let given = long[0]!;
    if (JOINED_PREFIXES.has(given) && long.length >= 3) given += long[1]!;
    // "Abdel", "Abdul" and "Abd al-" are one word written three ways.
    given = given.replace(/^abd(el|ul|al)/, 'abd');
    const surname = long.at(-1)!.replace(GLUED_ARTICLE, '').replace(/-/g, '');
    loose = `${looseWord(given)}|${looseWord(surname)}`;
  }
  return { full, noInitials: long.join(' '), initials, loose };
}

/** Why two spellings are thought to be one person, in words a user reads in the duplicates list. */
export type MatchReason = 'same name' | 'alias' | 'middle initial' | 'spelling variant';

const RANK: Record<MatchReason, number> = { 'same name': 0, alias: 1, 'middle initial': 2, 'spelling variant': 3 };

export interface PersonMatch {
  id: string;
  reason: MatchReason;
}

export interface MatchResult {
  /** The one person the name certainly is, or null. */
  certain: PersonMatch | null;
  /** People it may be (when nothing is certain, or when several are equally certain). */
  likely: PersonMatch[];
}

function initialsConflict(a: string, b: string): boolean {
  return a !== '' && b !== '' && a !== b;
}

interface Indexed {
  id: string;
  keys: NameKeys;
  isAlias: boolean;
}

/** The known people, indexed by key once so that each name is matched in constant time. */
export class PeopleMatcher {
  private readonly byFull = new Map<string, Indexed[]>();
  private readonly byNoInitials = new Map<string, Indexed[]>();
  private readonly byLoose = new Map<string, Indexed[]>();

  constructor(people: Iterable<MatchablePerson>) {
    for (const p of people) this.add(p);
  }

  add(p: MatchablePerson): void {
    [p.name, ...p.aliases].forEach((form, i) => {
      const keys = nameKeys(form);
      if (keys.full === '') return;
      const entry = { id: p.id, keys, isAlias: i > 0 };
      push(this.byFull, keys.full, entry);
      if (keys.noInitials !== '') push(this.byNoInitials, keys.noInitials, entry);
      if (keys.loose !== '') push(this.byLoose, keys.loose, entry);
    });
  }

  /** Who a name (with the other names the same source gives the person) is among the known people. */
  match(name: string, otherNames: readonly string[] = []): MatchResult {
    const found = new Map<string, MatchReason>();
    const strong = new Set<string>();
    for (const form of [name, ...otherNames]) {
      const keys = nameKeys(form);
      if (keys.full === '') continue;
      const note = (id: string, reason: MatchReason) => {
        const had = found.get(id);
        if (!had || RANK[reason] < RANK[had]) found.set(id, reason);
      };
      for (const e of this.byFull.get(keys.full) ?? []) {
        strong.add(e.id);
        note(e.id, e.isAlias ? 'alias' : 'same name');
      }
      for (const e of this.byNoInitials.get(keys.noInitials) ?? []) {
        if (initialsConflict(e.keys.initials, keys.initials) || !keys.noInitials.includes(' ')) continue;
        strong.add(e.id);
        note(e.id, 'middle initial');
      }
      for (const e of keys.loose ? (this.byLoose.get(keys.loose) ?? []) : []) {
        if (initialsConflict(e.keys.initials, keys.initials)) continue;
        note(e.id, 'spelling variant');
      }
    }
    const all = [...found].map(([id, reason]) => ({ id, reason }));
    if (strong.size === 1) {
      const id = [...strong][0]!;
      return { certain: { id, reason: found.get(id)! }, likely: all.filter((m) => m.id !== id) };
    }
    return { certain: null, likely: all };
  }

  /**
   * Pairs of known people who may be one person, each pair once (ids in sorted order), with the
   * strongest reason found. Linear in the number of spellings: people are grouped by key.
   */
  duplicatePairs(): DuplicatePair[] {
    const pairs = new Map<string, DuplicatePair>();
    const consider = (groups: Map<string, Indexed[]>, reasonOf: (a: Indexed, b: Indexed) => MatchReason | null) => {
      for (const group of groups.values()) {
        if (group.length < 2 || group.length > 25) continue; // a key shared by dozens is a common name, not a duplicate
        for (let i = 0; i < group.length; i++) {
          for (let j = i + 1; j < group.length; j++) {
            const a = group[i]!;
            const b = group[j]!;
            if (a.id === b.id) continue;
            const reason = reasonOf(a, b);
            if (!reason) continue;
            const [x, y] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
            const key = `${x} ${y}`;
            const had = pairs.get(key);
            if (!had || RANK[reason] < RANK[had.reason]) pairs.set(key, { a: x, b: y, reason });
          }
        }
      }
    };
    consider(this.byFull, (a, b) => (a.isAlias || b.isAlias ? 'alias' : 'same name'));
    consider(this.byNoInitials, (a, b) =>
      initialsConflict(a.keys.initials, b.keys.initials) || !a.keys.noInitials.includes(' ') ? null : 'middle initial',
    );
    consider(this.byLoose, (a, b) => (initialsConflict(a.keys.initials, b.keys.initials) ? null : 'spelling variant'));
    return [...pairs.values()];
  }
}

export interface DuplicatePair {
  a: string;
  b: string;
  reason: MatchReason;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
