/**
 * People named in an article: "Prime Minister Mustafa al-Kadhemi of Iraq", "Iraq's visiting
 * premier", "Kadhemi", "Mexican President Enrique Peña Nieto", "the PM". Each mention gets its title,
 * role and country when the words say them; then mentions are grouped into one entity per person:
 * full names first, short forms ("Kadhemi", "Pena Nieto", "President Isaias") and initials ("EM")
 * to the one full name they fit, title-only mentions ("the premier") to the person holding that
 * office for that country.
 */
import { countryName, findCountry } from '../places';
import { HEADLINE_VERBS, HONORIFICS, NAME_PARTICLES, NOT_NAME, ORG_WORDS, TITLE_ADJECTIVES, TITLES, VAGUE_ROLES } from './lexicon';
import { initialsOf, isShortFormOf, namesEqual, nameTokens, skeleton } from './names';
import { countryOfDemonym, countryOfName, isCityName, isMetonym } from './places-find';
import type { Sentence, Token } from './text';

export interface PersonMention {
  from: number;
  to: number;
  start: number;
  end: number;
  sentence: number;
  name: string | null;
  title: string | null;
  role: string | null;
  country: string | null;
  possessive: boolean;
  kind: 'name' | 'title' | 'initials';
  /** Tokens that only qualify the person ("Mexican", "Iraq's", "of Iraq"): never destinations. */
  qualifierTokens: number[];
  speaker: boolean;
  /** Indefinite ("a Chinese foreign minister"): a kind of person, not a reference. */
  generic: boolean;
  /** Right after a preposition ("at Apec", "of Apec leaders"): maybe not a person at all. */
  afterPreposition: boolean;
  /** Opens its sentence ("Wang began his tour..."): a subject. */
  sentenceInitial: boolean;
  entity: number;
}

export interface Entity {
  id: number;
  name: string;
  title: string | null;
  role: string | null;
  country: string | null;
  mentions: PersonMention[];
  /** Only title mentions so far ("the POTUS"): no name known. */
  titleOnly: boolean;
}

const titleByWords = new Map<string, string>(TITLES.map(([t, role]) => [t, role]));
const MAX_TITLE_WORDS = Math.max(...TITLES.map(([t]) => t.split(' ').length));
const SPEECH =
  /^(said|says|say|told|tells|tweeted|announced|announces|stated|states|added|adds|wrote|writes|posted|noted|explained|insisted|warned|declared|confirmed|reported|according)$/;

const TITLE_FIRST_WORDS = new Set(TITLES.map(([t]) => t.split(' ')[0]!));

function matchTitle(tokens: Token[], i: number, to: number): { len: number; role: string } | null {
  if (!TITLE_FIRST_WORDS.has(tokens[i]!.lower)) return null;
  for (let n = Math.min(MAX_TITLE_WORDS, to - i); n >= 1; n--) {
    const words: string[] = [];
    let ok = true;
    for (let k = i; k < i + n; k++) {
      const t = tokens[k]!;
      if (t.punct && t.text !== '-') {
        ok = false;
        break;
      }
      if (k < i + n - 1 && t.poss) {
        ok = false;
        break;
      }
      words.push(t.lower);
    }
    if (!ok) continue;
    const role = titleByWords.get(words.join(' '));
    if (role) return { len: n, role };
  }
  return null;
}

/** A country qualifier at i: "Iraq's", "Saudi Arabia's", "Mexican", "US", "United States", "North Macedonian". */
function matchQualifier(
  text: string,
  tokens: Token[],
  i: number,
  to: number,
): { len: number; country: string; possessive: boolean } | null {
  for (let n = Math.min(3, to - i); n >= 1; n--) {
    const last = tokens[i + n - 1]!;
    let ok = true;
    for (let k = i; k < i + n; k++) if (!tokens[k]!.cap || tokens[k]!.punct || (k < i + n - 1 && tokens[k]!.poss)) ok = false;
    if (!ok) continue;
    const surface = text.slice(tokens[i]!.start, last.start + last.bare.length);
    const country = countryOfName(surface) ?? countryOfDemonym(surface);
    if (country) return { len: n, country, possessive: last.poss };
  }
  return null;
}

/**
 * "Officials said President X will visit Peru": after "said", a name followed (past its "of <country>")
 * by a verb of its own is the subject of what was said, not the one who said it.
 */
function reportedSubject(tokens: Token[], end: number, to: number): boolean {
  let j = end;
  while (j < to && j - end < 5 && (/^(?:of|the|,)$/.test(tokens[j]!.lower) || (tokens[j]!.cap && !tokens[j]!.punct))) j++;
  const next = tokens[j];
  return (
    next !== undefined &&
    /^(?:will|would|shall|was|were|is|are|has|had|have|could|may|might|must|plans|planned|intends|intended|hopes|hoped|wants|wanted|expects|arrived|arrives|visited|visits|met|left|travelled|traveled|flew|went|also|had)$/.test(
      next.lower,
    )
  );
}

/** Months that are also given names ("Jan", "May", "June", "April", "August"). */
const GIVEN_NAME_MONTHS = new Set(['jan', 'may', 'june', 'april', 'august']);

// Memoised by the word (bounded): for a capitalised word the answer depends on its bare form only.
const nameTokenMemo = new Map<string, boolean>();

function isNameToken(t: Token): boolean {
  if (t.punct) return false;
  if (!t.cap) return t.text.includes('-') && /^(al|el|as|ash|ad|ar|az|at)-\p{Lu}/u.test(t.text);
  const hit = nameTokenMemo.get(t.bare);
  if (hit !== undefined) return hit;
  if (nameTokenMemo.size > 20000) nameTokenMemo.clear();
  const value = isCapitalisedName(t.bare, t.lower);
  nameTokenMemo.set(t.bare, value);
  return value;
}

function isCapitalisedName(bare: string, lower: string): boolean {
  // Every hyphenated part capitalised: "Amir-Abdollahian", not "Obama-instigated" or "Washington-based".
  // "Moon Jae-in" is a name; "Obama-instigated", "Washington-based" are not.
  if (!/^[\p{Lu}][\p{L}\p{M}'.]*(?:-[\p{L}][\p{L}\p{M}'.]*)*$/u.test(bare)) return false;
  if (/-\p{Ll}[\p{L}]*(?:ed|ing|based|led|born|style|level|era|wide|like|type|made|run|owned|bound|friendly|backed)$/u.test(bare))
    return false;
  const key = lower.replace(/\.$/, '');
  return !NOT_NAME.has(key) && !ORG_WORDS.has(key) && !HEADLINE_VERBS.has(key);
}

/** Name tokens from i: capitalised words and particles inside; stops after a possessive. */
function nameRun(tokens: Token[], i: number, to: number): number {
  let j = i;
  while (j < to && j - i < 6) {
    const t = tokens[j]!;
    if (j > i && t.newlineBefore) break;
    if (isNameToken(t)) {
      j++;
      if (t.poss) break;
      continue;
    }
    if (j > i && NAME_PARTICLES.has(t.lower) && !t.punct && j + 1 < to && isNameToken(tokens[j + 1]!)) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** " of Iraq", ", Emir of the State of Qatar,", ", President of the Federal Republic of Nigeria". */
function trailingQualifier(
  text: string,
  tokens: Token[],
  j: number,
  to: number,
): { country: string; title: string | null; role: string | null; tokens: number[]; end: number } | null {
  let k = j;
  let title: string | null = null;
  let role: string | null = null;
  if (tokens[k]?.text === ',') {
    let m = k + 1;
    if (tokens[m]?.lower === 'the') m++;
    const tm = m < to ? matchTitle(tokens, m, to) : null;
    if (!tm) return null;
    title = text.slice(tokens[m]!.start, tokens[m + tm.len - 1]!.end);
    role = tm.role;
    k = m + tm.len;
  }
  if (tokens[k]?.lower !== 'of') return null;
  k++;
  if (tokens[k]?.lower === 'the') k++;
  for (let n = Math.min(6, to - k); n >= 1; n--) {
    const last = tokens[k + n - 1]!;
    let ok = true;
    for (let q = k; q < k + n; q++) {
      const t = tokens[q]!;
      if (t.punct || (!t.cap && !['of', 'the'].includes(t.lower)) || (q < k + n - 1 && t.poss && !/^people/i.test(t.text))) ok = false;
    }
    if (!ok || !last.cap) continue;
    const surface = text.slice(tokens[k]!.start, last.end);
    const c = findCountry(surface);
    if (c) {
      const idx: number[] = [];
      for (let q = k; q < k + n; q++) idx.push(q);
      return { country: c.code, title, role, tokens: idx, end: k + n };
    }
  }
  return null;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

export function findPersonMentions(text: string, tokens: Token[], sentences: Sentence[]): PersonMention[] {
  const out: PersonMention[] = [];
  for (const s of sentences) {
    let i = s.from;
    while (i < s.to) {
      const startTok = i;
      let k = i;
      let generic = false;
      let determiner = false;
      const qualifierTokens: number[] = [];
      let country: string | null = null;
      let title: string | null = null;
      let role: string | null = null;
      let titleFrom = -1;
      let titleTo = -1;
      if (DETERMINERS.has(tokens[k]!.lower)) {
        generic = tokens[k]!.lower === 'a' || tokens[k]!.lower === 'an';
        determiner = true;
        k++;
      }
      // Qualifiers, honorifics, adjectives and titles, in any order, before the name.
      for (let guard = 0; guard < 8 && k < s.to; guard++) {
        const t = tokens[k]!;
        if (t.punct) break;
        const tm = matchTitle(tokens, k, s.to);
        if (tm) {
          if (titleFrom < 0) titleFrom = k;
          titleTo = k + tm.len;
          role = role && !VAGUE_ROLES.has(role) && VAGUE_ROLES.has(tm.role) ? role : tm.role;
          k += tm.len;
          if (tokens[k - 1]!.poss) break;
          continue;
        }
        if (HONORIFICS.has(t.lower) && (t.cap || t.lower.includes('.'))) {
          k++;
          continue;
        }
        if (TITLE_ADJECTIVES.has(t.lower)) {
          const after = tokens[k + 1];
          if (after && (matchTitle(tokens, k + 1, s.to) || TITLE_ADJECTIVES.has(after.lower))) {
            k++;
            continue;
          }
          break;
        }
        if (t.cap && titleFrom < 0) {
          const q = matchQualifier(text, tokens, k, s.to);
          if (q) {
            const after = tokens[k + q.len];
            const beforeTitle =
              after && (matchTitle(tokens, k + q.len, s.to) || TITLE_ADJECTIVES.has(after.lower) || HONORIFICS.has(after.lower));
            const beforeName = q.possessive && after && isNameToken(after);
            if (beforeTitle || beforeName) {
              country = q.country;
              for (let x = k; x < k + q.len; x++) qualifierTokens.push(x);
              k += q.len;
              continue;
            }
          }
        }
        break;
      }
      if (titleFrom >= 0)
        title = text.slice(
          tokens[titleFrom]!.start,
          tokens[titleTo - 1]!.poss ? tokens[titleTo - 1]!.start + tokens[titleTo - 1]!.bare.length : tokens[titleTo - 1]!.end,
        );
      const titleEndsPossessive = titleTo > 0 && tokens[titleTo - 1]!.poss;
      const nameFrom = k;
      let nameTo = titleEndsPossessive ? k : nameRun(tokens, k, s.to);
      // "Prime Minister Jan Novak", "Ms April Lee": after a title, a month that is also a given name
      // opens the name when a name follows it.
      if (titleFrom >= 0 && !titleEndsPossessive && nameTo === k && GIVEN_NAME_MONTHS.has(tokens[k]?.lower ?? '')) {
        const rest = nameRun(tokens, k + 1, s.to);
        if (rest > k + 1 && !tokens[k]!.poss) nameTo = rest;
      }
      // A capitalised sentence opener ("According", "Online") is not a name.
      while (nameTo > nameFrom && NAME_PARTICLES.has(tokens[nameTo - 1]!.lower)) nameTo--;
      let name: string | null = null;
      if (nameTo > nameFrom) {
        const lastTok = tokens[nameTo - 1]!;
        const surface = text.slice(tokens[nameFrom]!.start, lastTok.start + lastTok.bare.length);
        // "North Korea", "South Sudan": a compass word that is no name itself, then the rest of a place.
        const lead = tokens[nameFrom - 1];
        const placeTail =
          nameFrom === startTok &&
          lead !== undefined &&
          lead.cap &&
          !lead.punct &&
          !lead.newlineBefore &&
          countryOfName(text.slice(lead.start, lastTok.start + lastTok.bare.length)) !== null;
        const isPlace =
          placeTail ||
          countryOfName(surface) !== null ||
          countryOfDemonym(surface) !== null ||
          (titleFrom < 0 && country === null && (isCityName(surface) || isMetonym(surface)));
        // "White House", "Jomo Kenyatta International Airport", "IBSA Trilateral Ministerial Commission": organisations and places.
        const follower = tokens[nameTo];
        const orgLike =
          (follower !== undefined &&
            follower.cap &&
            !follower.punct &&
            !follower.newlineBefore &&
            (ORG_WORDS.has(follower.lower) ||
              /^(international|national|royal|federal|central|memorial|stadium|park|bridge|dam|port)$/.test(follower.lower))) ||
          (nameTo - nameFrom > 1 &&
            tokens
              .slice(nameFrom, nameTo)
              // A regnal number ("Charles III") is no acronym.
              .some((t) => t.bare.length >= 3 && t.bare === t.bare.toUpperCase() && /[A-Z]/.test(t.bare) && !/^[IVXL]+$/.test(t.bare)));
        if (orgLike) {
          i = Math.max(nameTo, startTok + 1);
          continue;
        }
        const allCaps = surface === surface.toUpperCase();
        const count = nameTo - nameFrom;
        const hasTitle = titleFrom >= 0 || country !== null;
        if (!isPlace && (hasTitle || count >= 2 || (count === 1 && !allCaps) || (allCaps && count === 1 && surface.length <= 4)))
          name = surface;
        if (allCaps && count > 1) name = null;
      }
      // "the Bundestag", "the Elysee": a name after "the" with no title is an institution or a place, not a person.
      if (name !== null && determiner && tokens[startTok]!.lower === 'the' && titleFrom < 0 && country === null) name = null;
      const hasSomething = name !== null || (titleFrom >= 0 && role !== null);
      if (!hasSomething) {
        // Skip the whole capitalised run ("New Zealand"), so that its tail is not read as a name.
        i = nameTo > startTok + 1 && titleFrom < 0 ? nameTo : startTok + 1;
        continue;
      }
      const end = name !== null ? nameTo : titleTo;
      let mentionEnd = tokens[end - 1]!.end;
      const possessive = tokens[end - 1]!.poss;
      if (possessive) mentionEnd = tokens[end - 1]!.start + tokens[end - 1]!.bare.length;
      if (!possessive) {
        const tq = trailingQualifier(text, tokens, end, s.to);
        if (tq) {
          country ??= tq.country;
          if (!title && tq.title) {
            title = tq.title;
            role = tq.role;
          }
          qualifierTokens.push(...tq.tokens);
        }
      }
      const allCapsShort = name !== null && name === name.toUpperCase() && name.length <= 4 && titleFrom < 0;
      const kind: PersonMention['kind'] = name === null ? 'title' : allCapsShort ? 'initials' : 'name';
      if (kind === 'title' && !determiner && country === null && !tokens[titleFrom]!.cap) {
        // A bare lower-case "president" is too vague to be a mention.
        i = Math.max(end, startTok + 1);
        continue;
      }
      const before = tokens[startTok - 1];
      const before2 = tokens[startTok - 2];
      const after = tokens[end];
      // "according to State House spokesperson X": anyone within the few words after "according to".
      let according = false;
      for (let k = startTok - 1; k >= Math.max(s.from, startTok - 5); k--) {
        if (tokens[k]!.punct) break;
        if (tokens[k]!.lower === 'to' && tokens[k - 1]?.lower === 'according') according = true;
      }
      // "X today said", "X also told reporters": a time word or adverb between the name and the verb.
      const afterNext = tokens[end + 1];
      const speaker =
        (after !== undefined && SPEECH.test(after.lower)) ||
        (after !== undefined &&
          /^(today|yesterday|also|earlier|later|then|again|had|has|further)$/.test(after.lower) &&
          afterNext !== undefined &&
          SPEECH.test(afterNext.lower)) ||
        (before !== undefined && /^(said|says|tweeted|told|added|wrote)$/.test(before.lower) && !reportedSubject(tokens, end, s.to)) ||
        (before2 !== undefined && before2.lower === 'according' && before?.lower === 'to') ||
        according ||
        role === 'spokesperson';
      out.push({
        from: determiner ? startTok + 1 : startTok,
        to: end,
        start: tokens[determiner ? startTok + 1 : startTok]!.start,
        end: mentionEnd,
        sentence: s.index,
        name: kind === 'title' ? null : name,
        title,
        role,
        // The Pope is the head of state of the Holy See, wherever he is named.
        country: country ?? (role === 'pope' ? 'VA' : null),
        possessive,
        kind,
        qualifierTokens,
        speaker,
        generic,
        sentenceInitial: startTok === s.from || (determiner && startTok === s.from),
        afterPreposition: before !== undefined && /^(at|in|of|from|to|with|by|for|on|into)$/.test(before.lower),
        entity: -1,
      });
      i = Math.max(end, startTok + 1);
    }
  }
  // "his Azerbaijani counterpart Jeyhun Bayramov": a title mention right before a bare name qualifies
  // it; so does one set off by commas ("the Canadian prime minister, Anne Tremblay, will").
  for (let m = 0; m + 1 < out.length; m++) {
    const a = out[m]!;
    const b = out[m + 1]!;
    // "the prime minister of Canada, Anne Tremblay": the title's end is after its country.
    const aEnd = Math.max(a.to, ...a.qualifierTokens.map((q) => q + 1));
    const apposed =
      b.from === aEnd + 1 && tokens[aEnd]?.text === ',' && (b.to >= tokens.length || tokens[b.to]!.punct) && a.sentence === b.sentence;
    if (a.kind === 'title' && b.kind === 'name' && (b.from === a.to || apposed) && !a.possessive && b.title === null) {
      b.title = a.title;
      b.role = a.role;
      b.country ??= a.country;
      b.qualifierTokens.push(...a.qualifierTokens);
      b.from = a.from;
      b.start = a.start;
      a.kind = 'title';
      a.generic = true; // absorbed
      a.role = null;
    }
  }
  return out.filter((m) => !(m.kind === 'title' && m.role === null));
}

function compatible(e: Entity, m: PersonMention): boolean {
  if (e.country && m.country && e.country !== m.country) return false;
  return true;
}

function roleCompatible(e: Entity, m: PersonMention): boolean {
  if (!e.role || !m.role || VAGUE_ROLES.has(e.role) || VAGUE_ROLES.has(m.role)) return true;
  return e.role === m.role;
}

/**
 * What resolution asks of an entity again and again, kept up to date as mentions join it, so that
 * an article with thousands of mentions is resolved in time proportional to their number: the names
 * its mentions used, where its first mention starts, whether one opens a sentence.
 */
interface EntityFacts {
  names: Set<string>;
  firstStart: number;
  initial: boolean;
  /** Starts of its mentions, sorted when `sorted` (sorted when read: one-word names arrive after the longer ones, out of order). */
  starts: number[];
  sorted: boolean;
}
const facts = new WeakMap<Entity, EntityFacts>();
function factsOf(e: Entity): EntityFacts {
  let f = facts.get(e);
  if (!f) {
    f = { names: new Set(), firstStart: Infinity, initial: false, starts: [], sorted: true };
    facts.set(e, f);
  }
  return f;
}

/** Distance from `at` to the nearest mention of e (binary search on the sorted starts). */
function nearestDistance(e: Entity, at: number): number {
  const f = factsOf(e);
  if (!f.sorted) {
    f.starts.sort((a, b) => a - b);
    f.sorted = true;
  }
  const s = f.starts;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  let best = Infinity;
  if (lo < s.length) best = Math.abs(s[lo]! - at);
  if (lo > 0) best = Math.min(best, Math.abs(s[lo - 1]! - at));
  return best;
}

function absorb(e: Entity, m: PersonMention, index?: NameIndex): void {
  m.entity = e.id;
  e.mentions.push(m);
  const f = factsOf(e);
  if (m.name) f.names.add(m.name);
  f.firstStart = Math.min(f.firstStart, m.start);
  f.initial ||= m.sentenceInitial;
  if (f.sorted && f.starts.length > 0 && f.starts[f.starts.length - 1]! > m.start) f.sorted = false;
  f.starts.push(m.start);
  if (m.name && m.kind === 'name') {
    const tokens = (n: string) => n.split(/\s+/).length;
    if (e.titleOnly || tokens(m.name) > tokens(e.name)) {
      e.name = m.name;
      index?.add(e);
    }
    e.titleOnly = false;
  }
  if (m.title && (!e.title || (e.role && VAGUE_ROLES.has(e.role) && m.role && !VAGUE_ROLES.has(m.role)))) {
    e.title = m.title;
    e.role = m.role;
  }
  e.country ??= m.country;
}

/**
 * Entities by the words of their names, as names are compared (a word, or its consonant skeleton
 * for words of four letters or more), so that a mention is compared only with the people whose
 * names share a word with it, not with everyone named so far.
 */
class NameIndex {
  private readonly map = new Map<string, Entity[]>();
  /** Keys by name (bounded): a long article asks for the same few names thousands of times. */
  private static readonly keyMemo = new Map<string, string[]>();
  private static keys(name: string): string[] {
    const hit = NameIndex.keyMemo.get(name);
    if (hit) return hit;
    if (NameIndex.keyMemo.size > 20000) NameIndex.keyMemo.clear();
    const keys = NameIndex.keysRaw(name);
    NameIndex.keyMemo.set(name, keys);
    return keys;
  }
  private static keysRaw(name: string): string[] {
    const tokens = nameTokens(name);
    const keys = tokens.map((t) => (t.length >= 4 ? `s${t[0]}${skeleton(t)}` : `e${t}`));
    const joined = tokens.join('');
    keys.push(joined.length >= 4 ? `s${joined[0]}${skeleton(joined)}` : `e${joined}`);
    return keys;
  }
  add(e: Entity): void {
    for (const k of NameIndex.keys(e.name)) {
      const list = this.map.get(k);
      if (!list) this.map.set(k, [e]);
      else if (!list.includes(e)) list.push(e);
    }
  }
  /** Entities that may be equal to or a longer form of `name`, in creation order. */
  candidates(name: string): Entity[] {
    const seen = new Set<Entity>();
    for (const k of NameIndex.keys(name)) for (const e of this.map.get(k) ?? []) seen.add(e);
    return [...seen].sort((a, b) => a.id - b.id);
  }
}

/** Groups mentions into people. Mutates `mentions[i].entity`. */
export function resolveEntities(mentions: PersonMention[]): Entity[] {
  const entities: Entity[] = [];
  const index = new NameIndex();
  const byName = new Map<string, Entity[]>();
  const create = (m: PersonMention): Entity => {
    // Known only by office: named by it, "Prime Minister of Iraq", for the reviewer to complete.
    const officeName = m.role
      ? `${m.role.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())}${m.country ? ` of ${countryName(m.country)}` : ''}`
      : (m.title ?? '');
    const e: Entity = {
      id: entities.length,
      name: m.name ?? officeName,
      title: null,
      role: null,
      country: null,
      mentions: [],
      titleOnly: m.name === null,
    };
    entities.push(e);
    absorbNamed(e, m);
    if (!e.titleOnly) index.add(e);
    return e;
  };
  // Every mention joins through here, so that "who used this exact name" is one lookup.
  const absorbNamed = (e: Entity, m: PersonMention) => {
    absorb(e, m, index);
    if (m.name) {
      const list = byName.get(m.name);
      if (!list) byName.set(m.name, [e]);
      else if (!list.includes(e)) list.push(e);
    }
  };
  const usedName = (name: string) => [...(byName.get(name) ?? [])].sort((a, b) => a.id - b.id);
  // Counted once per name: the sort below asks for every comparison.
  const wordCounts = new Map<string, number>();
  const wordCount = (m: PersonMention): number => {
    if (!m.name) return 0;
    let n = wordCounts.get(m.name);
    if (n === undefined) {
      n = m.name.split(/\s+/).length;
      wordCounts.set(m.name, n);
    }
    return n;
  };
  // 1. Full names, longest first, so that "Pena Nieto" joins "Enrique Peña Nieto".
  const named = mentions.filter((m) => m.kind === 'name' && !m.generic).sort((a, b) => wordCount(b) - wordCount(a) || a.start - b.start);
  for (const m of named) {
    if (wordCount(m) < 2) continue;
    const same = index
      .candidates(m.name!)
      .find((e) => !e.titleOnly && (namesEqual(e.name, m.name!) || isShortFormOf(m.name!, e.name)) && compatible(e, m));
    if (same) absorbNamed(same, m);
    else create(m);
  }
  // 2. One-word names: the one person whose name they shorten; otherwise a person of their own if titled.
  for (const m of named) {
    if (wordCount(m) !== 1) continue;
    const cands = index.candidates(m.name!).filter((e) => !e.titleOnly && isShortFormOf(m.name!, e.name));
    const fit = cands.filter((e) => compatible(e, m) && roleCompatible(e, m));
    const pick = fit.length === 1 ? fit[0]! : cands.length === 1 ? cands[0]! : null;
    if (pick) absorbNamed(pick, m);
    else if (m.title || m.country) {
      const exact = entities.length > 0 ? usedName(m.name!) : [];
      const same = exact.find((e) => e.name === m.name || compatible(e, m));
      if (same) absorbNamed(same, m);
      else create(m);
    } else {
      const same = usedName(m.name!)[0];
      if (same) absorbNamed(same, m);
    }
  }
  // 2b. One-word names never resolved but used like a name ("Trump", seen twice): a person.
  const loose = new Map<string, PersonMention[]>();
  for (const m of named) {
    if (m.entity >= 0 || !m.name || wordCount(m) !== 1) continue;
    const list = loose.get(m.name);
    if (list) list.push(m);
    else loose.set(m.name, [m]);
  }
  for (const [, list] of loose) {
    if (list.length < 2 || list.every((m) => m.afterPreposition)) continue;
    const e = create(list[0]!);
    for (const m of list.slice(1)) absorbNamed(e, m);
  }
  // 3. Initials: "EM" for Emmerson Mnangagwa.
  for (const m of mentions) {
    if (m.kind !== 'initials' || !m.name) continue;
    const key = m.name.replace(/\./g, '');
    const cands = entities.filter((e) => !e.titleOnly && e.name.split(/\s+/).length >= 2 && initialsOf(e.name) === key);
    if (cands.length === 1) absorb(cands[0]!, m);
  }
  // 4. Title-only mentions: the person with that role (and country), nearest before, else after.
  const titled = mentions.filter((m) => m.kind === 'title' && !m.generic && m.role !== null);
  // By role, once: a title joins only someone holding that office, and absorbing it changes no one's office.
  const byRole = new Map<string, Entity[]>();
  for (const e of entities) {
    if (e.titleOnly || !e.role) continue;
    const list = byRole.get(e.role);
    if (list) list.push(e);
    else byRole.set(e.role, [e]);
  }
  for (const m of titled) {
    if (VAGUE_ROLES.has(m.role!)) continue;
    const cands = (byRole.get(m.role!) ?? []).filter((e) => compatible(e, m));
    const strict = cands.filter((e) => m.country === null || e.country === m.country);
    // "A would not attend, the office of the Malaysian prime minister said": a title with a country
    // in the same sentence as a named person of no known country is someone else, unless it stands
    // right by the name ("A, the Malaysian prime minister,").
    const apart = (e: Entity) =>
      m.country === null ||
      !e.mentions.some((x) => x.sentence === m.sentence && x.kind !== 'title' && (m.from - x.to > 3 || x.from > m.to + 1));
    const pool = strict.length > 0 ? strict : cands.filter((e) => e.country === null && apart(e));
    if (pool.length > 0) {
      const before = pool.filter((e) => factsOf(e).firstStart < m.start);
      const nearest = (list: Entity[]) =>
        list.reduce((best, e) => (nearestDistance(e, m.start) < nearestDistance(best, m.start) ? e : best));
      absorb(nearest(before.length > 0 ? before : pool), m);
    }
  }
  // 5. Still unresolved titles with a country ("China's top diplomat"): the most-mentioned person
  //    of no known office and a compatible country, else a person known only by title.
  for (const m of titled) {
    if (m.entity >= 0 || VAGUE_ROLES.has(m.role!)) continue;
    const cands = entities.filter(
      (e) => !e.titleOnly && (e.role === null || VAGUE_ROLES.has(e.role)) && compatible(e, m) && e.country === m.country,
    );
    // Without a country match, only someone the article makes a subject ("Wang began his tour").
    const loosely =
      cands.length > 0
        ? cands
        : entities.filter(
            (e) =>
              !e.titleOnly &&
              (e.role === null || VAGUE_ROLES.has(e.role)) &&
              e.country === null &&
              m.country !== null &&
              factsOf(e).initial,
          );
    if (loosely.length > 0) {
      const best = loosely.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
      absorb(best, m);
      continue;
    }
    const same = entities.find((e) => e.titleOnly && e.role === m.role && e.country === m.country);
    if (same) absorb(same, m);
    else if (m.country) create(m);
  }
  return entities;
}
