/**
 * Article → proposed visit records. Pure, synchronous, offline and deterministic: the Import screen
 * runs it in a Web Worker and the command line in Node.
 *
 * Pipeline: normalise typography → reference day and dateline → tokens, sentences, clauses →
 * people (one entity per person) → for each clause with a travel word ("visit", "trip", "arrived",
 * "met", "talks"...) the destinations it governs, its traveller, status and dates → visit mentions
 * merged per traveller, host country and time.
 */
import { addDays, daysBetween } from '../model/dates';
import { dayDate, monthDate, windowDate, type FuzzyDate } from '../model/fuzzy-date';
import type { VisitStatus } from '../model/status';
import { findCities, findCountry } from '../places';
import { findDates, findDuration, type DateMention, type Direction } from './dates';
import { matchKnownPerson } from './names';
import { normalizeTypography } from './normalize';
import { findPersonMentions, resolveEntities, type Entity, type PersonMention } from './people';
import { findPlaces, type PlaceMention } from './places-find';
import { findReference, leadingDateStamp } from './reference';
import { VAGUE_ROLES } from './lexicon';
import { readStatus, type StatusReading } from './status';
import { splitClauses, splitSentences, tokenize, type Clause, type Sentence, type Token } from './text';
import type { CueSpan, ExtractedPerson, ExtractedVisit, ExtractionResult, ExtractOptions, TextSpan } from './types';

export * from './types';
export { normalizeTypography } from './normalize';
export { htmlToText, looksLikeHtml, decodeEntities } from './html';
export { WITHIN_WEEKS_DAYS } from './dates';
export { matchKnownPerson, namesEqual, isShortFormOf, foldName } from './names';

type TriggerKind = 'visit' | 'motion' | 'meet' | 'invite' | 'tour';

interface Trigger {
  idx: number;
  kind: TriggerKind;
  word: string;
  /** A verb that takes the place as its object ("visit Iran", "toured Kenya", "covering Russia"). */
  transitive: boolean;
}

const TRIGGER_MAP = new Map<string, TriggerKind>();
const add = (kind: TriggerKind, words: string) => words.split(' ').forEach((w) => TRIGGER_MAP.set(w, kind));
const TRIGGER_WORDS = {
  has: (w: string) => TRIGGER_MAP.has(w),
  get: (w: string) => TRIGGER_MAP.get(w),
};
add('visit', 'visit visits visited visiting trip trips leg legs stop stops stopover journey state-visit');
add('tour', 'tour tours toured touring');
add(
  'motion',
  'travel travels travelled traveled travelling traveling arrive arrives arrived arriving arrival land lands landed landing fly flies flew flying flown ' +
    'head heads headed heading go goes going went return returns returned returning proceed proceeds proceeded leave leaves left leaving depart departs departed departing',
);
add('meet', 'meet meets met meeting meetings talks summit conference attend attends attended attending attendance co-chair');
add('invite', 'invitation invited invite');
const TRANSITIVE = new Set([
  'visit',
  'visits',
  'visited',
  'visiting',
  'tour',
  'toured',
  'touring',
  'tours',
  'covering',
  'covered',
  'reach',
  'reached',
  'reaching',
]);
const VISIT_NOUNS = new Set(['visit', 'visits', 'trip', 'trips', 'leg', 'tour', 'stop', 'summit', 'stopover', 'journey']);
const MODIFIER_ADJECTIVES = new Set([
  'state',
  'official',
  'planned',
  'proposed',
  'working',
  'economic',
  'first',
  'historic',
  'maiden',
  'scheduled',
  'private',
  'two-day',
  'three-day',
]);

interface Destination {
  country: string;
  city: string | null;
  /** Token index where the destination is named (or the trigger for implicit ones). */
  at: number;
  trigger: Trigger;
  mode: 'to' | 'in' | 'obj' | 'from' | 'for' | 'list' | 'modifier' | 'which' | 'fronted' | 'implicit' | 'met-with' | 'anaphor';
  explicit: boolean;
  /** Set when the words name the traveller directly ("Iraq's visiting premier"). */
  traveller?: number;
}

interface VisitMention {
  entity: number;
  country: string;
  city: string | null;
  status: VisitStatus;
  reading: StatusReading;
  /** The words that decided `status`, absolute offsets. */
  statusCue: [number, number] | null;
  date: DateMention | null;
  dateRank: number;
  rescheduledTo: FuzzyDate | null;
  duration: number | null;
  sentence: Sentence;
  order: number;
  explicit: boolean;
  /** A previous leg named by "from X" after arriving: it ends when the visit named in the clause begins. */
  previousLegOf: { entity: number; country: string } | null;
  /** "the trip was postponed": the mention this one refers back to. */
  anchor: VisitMention | null;
  /** "had been planning to arrive on Sunday": a plan told as former; a later one supersedes it. */
  former: boolean;
  /** Token index of the travel word: the destinations listed after one word make one trip. */
  triggerAt: number;
}

interface Ctx {
  text: string;
  tokens: Token[];
  ref: string | null;
  mentions: PersonMention[];
  /** Every mention, resolved or not ("his Greek counterpart" has a country but no name). */
  allMentions: PersonMention[];
  entities: Entity[];
}

const PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him', 'they', 'their']);
const ACT_BEFORE =
  /^(said|says|told|announced|reported|report|reports|stated|tweeted|confirmed|added|posted|dated|noted|wrote|decided|revealed|declared)$/;
const ACT_AFTER =
  /^(said|says|report|reports|reported|announced|postponed|cancelled|canceled|called|tweeted|confirmed|decided|spoke|told|declared|wrote|posted|stated)$/;

function tokensIn(tokens: Token[], from: number, to: number): Token[] {
  return tokens.slice(from, to);
}

/** Is token i inside a person mention's name or title (not its qualifiers)? */
function personTokenSet(mentions: PersonMention[]): Set<number> {
  const skip = new Set<number>();
  for (const m of mentions) {
    if (m.kind === 'title') continue;
    // Most mentions have no qualifier: no set is built for them.
    const q = m.qualifierTokens.length > 0 ? new Set(m.qualifierTokens) : null;
    for (let i = m.from; i < m.to; i++) if (!q?.has(i)) skip.add(i);
  }
  return skip;
}

function findTriggers(tokens: Token[], clause: Clause): Trigger[] {
  const out: Trigger[] = [];
  for (let i = clause.from; i < clause.to; i++) {
    const t = tokens[i]!;
    if (t.punct || t.cap) {
      // Headlines capitalise every word ("Theresa May Arrives in Nairobi for State visit").
      if (!(
        t.cap &&
        TRIGGER_WORDS.get(t.lower) &&
        (tokens[i - 1]?.cap || i === clause.from) &&
        !(tokens[i + 1]?.cap && tokens[i + 1]!.lower !== 'in')
      )) {
        if (!(t.cap && TRIGGER_WORDS.get(t.lower) && /^(arrives|cancels|visits|postpones)$/.test(t.lower))) continue;
      }
    }
    const kind = TRIGGER_WORDS.get(t.lower);
    if (kind) {
      // "head of Iraq's National Intelligence Service", "left no US soldiers dead", "go-ahead": not travel.
      if ((t.lower === 'head' || t.lower === 'heads') && tokens[i + 1]?.lower === 'of') continue;
      if (
        /^(left|leave|leaves|go|goes|going|head|heads|headed)$/.test(t.lower) &&
        !/^(for|to|home|abroad)$/.test(tokens[i + 1]?.lower ?? '')
      ) {
        // "will leave on Wednesday en route to X", "left Sunday night for X": a date between the verb and its way.
        let k = i + 1;
        while (k < clause.to && k - i <= 5 && !tokens[k]!.punct && !/^(for|to|route)$/.test(tokens[k]!.lower)) k++;
        const dated = tokens
          .slice(i + 1, k)
          .some((x) =>
            /^(on|this|next|early|late|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|night|evening|afternoon|today|tomorrow)$/.test(
              x.lower,
            ),
          );
        if (!(dated && /^(for|route)$/.test(tokens[k]?.lower ?? ''))) continue;
      }
      if (t.lower === 'stop' && /^(to|the)$/.test(tokens[i + 1]?.lower ?? '') && tokens[i - 1]?.lower !== 'last') continue;
      out.push({ idx: i, kind, word: t.lower, transitive: TRANSITIVE.has(t.lower) });
      continue;
    }
    // "Khan is currently in Geneva", "she was in Peru": a person's presence abroad; also told ahead
    // ("is due in Seoul", "is expected in Lima", "is scheduled to be in Jakarta", "will be in Rome").
    // "is on her way to X", "en route to X", "set off for X": travel told without a travel verb.
    if (
      (t.lower === 'way' &&
        /^(his|her|their)$/.test(tokens[i - 1]?.lower ?? '') &&
        tokens[i - 2]?.lower === 'on' &&
        tokens[i + 1]?.lower === 'to') ||
      (t.lower === 'route' && tokens[i - 1]?.lower === 'en' && tokens[i + 1]?.lower === 'to')
    ) {
      out.push({ idx: i, kind: 'motion', word: t.lower, transitive: false });
      continue;
    }
    if (/^(set|sets|setting)$/.test(t.lower) && /^(off|out)$/.test(tokens[i + 1]?.lower ?? '') && tokens[i + 2]?.lower === 'for') {
      // The trigger stands on "off"/"out", next to the "for" that leads to the destination.
      out.push({ idx: i + 1, kind: 'motion', word: t.lower, transitive: false });
      i++;
      continue;
    }
    if (t.lower === 'in' && !t.cap) {
      let k = i - 1;
      if (/^(currently|now|still|already|also)$/.test(tokens[k]?.lower ?? '')) k--;
      if (/^(due|expected)$/.test(tokens[k]?.lower ?? '')) k--;
      else if (/^(be|been)$/.test(tokens[k]?.lower ?? '')) {
        k--;
        if (tokens[k]?.lower === 'to' && /^(scheduled|set|slated|due|expected|going|supposed)$/.test(tokens[k - 1]?.lower ?? '')) k -= 2;
        if (/^(also|now|still)$/.test(tokens[k]?.lower ?? '')) k--;
      }
      const subject = tokens[k - 1];
      if (
        /^(is|are|was|were|will|would|has|have|had)$/.test(tokens[k]?.lower ?? '') &&
        subject &&
        (/^(he|she|they)$/.test(subject.lower) || (subject.cap && !subject.punct && k - 1 > clause.from))
      ) {
        out.push({ idx: i, kind: 'visit', word: 'in', transitive: false });
        continue;
      }
    }
    // "is back from Peru", "arrived back from": coming home from a trip.
    if (t.lower === 'back' && tokens[i + 1]?.lower === 'from') {
      out.push({ idx: i, kind: 'motion', word: t.lower, transitive: false });
      continue;
    }
    if (t.lower === 'covering' || t.lower === 'reached' || t.lower === 'reach')
      out.push({ idx: i, kind: 'visit', word: t.lower, transitive: true });
  }
  return out;
}

/** "the visit", "his tour", "a state visit", "Peru's visit": a travel word used as a noun. */
function isNounUse(tokens: Token[], i: number): boolean {
  const b = tokens[i - 1];
  if (!b) return false;
  return (
    b.poss ||
    /^(the|a|an|his|her|their|its|this|that|first|official|state|working|historic|maiden|planned|two-day|three-day)$/.test(b.lower)
  );
}

/** Words that may stand between a preposition and a place without changing the reading: "to neighbouring Peru". */
const PLACE_ADJECTIVES =
  /^(?:neighbou?ring|nearby|fellow|allied|friendly|rival|conflict-hit|war-torn|war-ravaged|oil-rich|landlocked|tiny|remote|northern|southern|eastern|western|central|troubled|crisis-hit|quake-hit|flood-hit|strife-torn|gulf|island)$/;

function prevWord(tokens: Token[], i: number, from: number): { word: string; idx: number } | null {
  let k = i - 1;
  while (k >= from && k > i - 3 && PLACE_ADJECTIVES.test(tokens[k]!.lower) && !tokens[k]!.cap) k--;
  if (k >= from && tokens[k]!.lower === 'the') k--;
  if (k < from) return null;
  return { word: tokens[k]!.lower, idx: k };
}

/** Where the clause names destinations, and which travel word governs each. */
function destinationsOf(
  ctx: Ctx,
  clause: Clause,
  triggers: Trigger[],
  places: PlaceMention[],
  qualifiers: Set<number>,
  lastCountry: string | null,
): Destination[] {
  const { tokens } = ctx;
  const out: Destination[] = [];
  const nearestBefore = (i: number, within: number, pred: (t: Trigger) => boolean = () => true) => {
    let best: Trigger | null = null;
    for (const t of triggers) if (t.idx < i && i - t.idx <= within && pred(t)) best = t;
    return best;
  };
  let prevDest: { place: PlaceMention; dest: Destination } | null = null;
  for (const p of places) {
    if (qualifiers.has(p.from) || p.possessive) {
      prevDest = null;
      continue;
    }
    const pw = prevWord(tokens, p.from, clause.from);
    let dest: Destination | null = null;
    const mk = (trigger: Trigger, mode: Destination['mode']): Destination => ({
      country: p.country,
      city: p.city,
      at: p.from,
      trigger,
      mode,
      explicit: true,
    });
    // A list continues the previous destination: "Russia, Belarus, Kazakhstan and Azerbaijan", "Italy and then France".
    if (prevDest) {
      const between = tokens.slice(prevDest.place.to, p.from).map((t) => t.lower);
      const joined = between.join(' ');
      // A date may sit between the items: "South Africa on Tuesday and Nigeria on Wednesday".
      const bare = joined
        .replace(
          /\b(the|on|in|at|next|last|this|early|late|mid|\d+|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|night|january|february|march|april|may|june|july|august|september|october|november|december)\b/g,
          '',
        )
        .replace(/\s+/g, ' ')
        .trim();
      if (['', ',', 'and', ', and', 'and then', ', then', 'then', 'or', ', or'].includes(bare) && between.length <= 6) {
        if (p.kind !== 'demonym') dest = { ...mk(prevDest.dest.trigger, 'list') };
      }
    }
    if (!dest && p.kind !== 'demonym') {
      const w = pw?.word ?? '';
      if (/^(to|into|towards|toward)$/.test(w)) {
        const t = nearestBefore(p.from, 14, (x) => x.kind !== 'meet' || x.word === 'attendance');
        // "the invitation extended to Peru": the guest, not the destination.
        const given = pw && /^(extended|sent|issued|given|addressed|delivered|conveyed)$/.test(tokens[pw.idx - 1]?.lower ?? '');
        if (t && !given) dest = mk(t, 'to');
      } else if (/^(in|at|inside)$/.test(w)) {
        const t = nearestBefore(p.from, 16);
        if (t) dest = mk(t, 'in');
      } else if (w === 'from') {
        const t = triggers.find((x) => x.kind === 'motion' && Math.abs(x.idx - p.from) <= 16);
        if (t) dest = mk(t, 'from');
      } else if (w === 'of' && pw && /^(tour|tours|swing)$/.test(tokens[pw.idx - 1]?.lower ?? '')) {
        // "a tour of A, B and C".
        const t = triggers.find((x) => x.idx === pw.idx - 1) ?? { idx: pw.idx - 1, kind: 'tour' as const, word: 'tour', transitive: false };
        dest = mk(t, 'to');
      } else if (/^(including|includes|include|included|notably|especially)$/.test(w)) {
        // "a tour of Southeast Asia, including Indonesia", "a visit to the region that includes Peru".
        const t = nearestBefore(p.from, 14, (x) => x.kind === 'visit' || x.kind === 'tour' || x.kind === 'motion');
        if (t) dest = mk(t, 'to');
      } else if (w === 'for') {
        const t = nearestBefore(p.from, 4, (x) => /^(leave|leaves|left|leaving|depart\w*|head\w*|set|sets|setting)$/.test(x.word));
        if (t) dest = mk(t, 'for');
      }
      if (!dest) {
        // "visit Iran's regional rival Saudi Arabia": the object of a visit verb, a few words on.
        // A noun ("the Prime Minister's visit reinforced ties between A and B") takes no object.
        const t = nearestBefore(p.from, 6, (x) => x.transitive && !isNounUse(tokens, x.idx));
        if (t) {
          const gap = tokens.slice(t.idx + 1, p.from);
          const clean = gap.every(
            (g) =>
              !g.punct &&
              !/^(in|on|at|to|for|with|from|by|as|after|before|and|of|between|among|against)$/.test(g.lower) &&
              !g.text.match(/^\d/),
          );
          if (clean) dest = mk(t, 'obj');
        }
      }
    }
    if (!dest) {
      // "US state visit", "the Saudi leg", "the Davos economic summit".
      let k = p.to;
      while (k < clause.to && k - p.to < 2 && MODIFIER_ADJECTIVES.has(tokens[k]!.lower)) k++;
      const noun = tokens[k];
      if (noun && VISIT_NOUNS.has(noun.lower) && !noun.cap) {
        const t = triggers.find((x) => x.idx === k) ?? { idx: k, kind: 'visit' as const, word: noun.lower, transitive: false };
        dest = { ...mk(t, 'modifier') };
      } else if (noun && VISIT_NOUNS.has(noun.lower) && noun.cap && tokens[p.from]!.cap) {
        const t = triggers.find((x) => x.idx === k) ?? { idx: k, kind: 'visit' as const, word: noun.lower, transitive: false };
        dest = { ...mk(t, 'modifier') };
      }
    }
    if (!dest && p.kind === 'capital') {
      const w = pw?.word ?? '';
      const t = nearestBefore(p.from, 8);
      if (t && (/^(to|in|at)$/.test(w) || t.transitive)) dest = mk(t, t.transitive ? 'obj' : 'in');
    }
    if (dest) {
      // "Buenos Aires, Argentina" / "Lagos, Nigeria": the country after a city of its own is the same place.
      const last = out[out.length - 1];
      if (last && last.city && p.kind === 'country' && last.country === p.country && p.from - (prevDest?.place.to ?? -10) <= 1) {
        prevDest = { place: p, dest: last };
        continue;
      }
      if (dest.mode === 'list' && prevDest && prevDest.dest.mode === 'from') dest.mode = 'from';
      out.push(dest);
      prevDest = { place: p, dest };
    } else prevDest = null;
  }
  // "the country", "the east African country": the last country named before.
  if (lastCountry) {
    for (let i = clause.from; i < clause.to; i++) {
      if (tokens[i]!.lower !== 'country' || tokens[i]!.cap) continue;
      let k = i - 1;
      while (k > clause.from && !tokens[k]!.punct && tokens[k]!.lower !== 'the' && i - k < 4) k--;
      if (tokens[k]?.lower !== 'the') continue;
      const pw = prevWord(tokens, k + 1, clause.from);
      const t = nearestBefore(k, 8);
      if (t && (pw?.word === 'to' || pw?.word === 'in' || t.transitive)) {
        // The nearest country named before it, in this clause or earlier.
        const inClause = places.filter((p) => p.kind === 'country' && p.to <= k && !qualifiers.has(p.from)).pop();
        out.push({ country: inClause?.country ?? lastCountry, city: null, at: i, trigger: t, mode: 'to', explicit: true });
      }
    }
  }
  return out;
}

function findLast<T>(items: readonly T[], pred: (item: T) => boolean): T | null {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i]!)) return items[i]!;
  return null;
}

/** First index in a sorted array whose key is >= value (binary search). */
function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Resolved mentions starting in tokens [from, to); ctx.mentions is sorted by token. */
function mentionsIn(ctx: Ctx, from: number, to: number): PersonMention[] {
  const out: PersonMention[] = [];
  for (let i = lowerBound(ctx.mentions, from, (m) => m.from); i < ctx.mentions.length && ctx.mentions[i]!.from < to; i++)
    out.push(ctx.mentions[i]!);
  return out;
}

/** Persons listed together with m ("A, B and C", "A and B"). */
function listWith(ctx: Ctx, m: PersonMention, within: PersonMention[]): PersonMention[] {
  const out = [m];
  let cur = m;
  for (const n of within) {
    if (n.from <= cur.from) continue;
    const gap = ctx.tokens
      .slice(cur.to, n.from)
      .map((t) => t.lower)
      .join(' ');
    const g = gap
      .replace(/\b(his|her|their|its)\b/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (/^(,|and|, and|,\s*and)$/.test(g) || g === '') {
      out.push(n);
      cur = n;
    } else if (n.from > cur.to) break;
  }
  return out;
}

function isObjectPosition(ctx: Ctx, m: PersonMention): boolean {
  const before = ctx.tokens[m.from - 1]?.lower ?? '';
  const before2 = ctx.tokens[m.from - 2]?.lower ?? '';
  return (
    /^(with|by|from|to|for|of|between|and|told|met|meet|meeting|meets|welcomed|hosted|hosting|invited|received|receive|receives|greeted|thanked)$/.test(
      before,
    ) ||
    (before === 'the' && /^(with|by|from|to|for|of)$/.test(before2))
  );
}

const HOST_VERBS =
  /^(?:host|hosts|hosted|hosting|welcome|welcomes|welcomed|welcoming|receive|receives|received|receiving|greet|greets|greeted|greeting)$/;

/**
 * "A hosted B in <city>", "A will host his Japanese counterpart, B, on Monday", "A welcomed B to
 * <country>": B travels, to the place named after B, else to A's country (A a person or a place).
 */
function hostedGuests(ctx: Ctx, clause: Clause, places: PlaceMention[], qualifiers: Set<number>): Destination[] {
  const { tokens, entities } = ctx;
  const out: Destination[] = [];
  for (let v = clause.from; v < clause.to; v++) {
    if (!HOST_VERBS.test(tokens[v]!.lower)) continue;
    let guest: PersonMention | null = null;
    let host: PersonMention | null = null;
    // "X was received by Y at the airport in Z", "X was welcomed by Y": the subject of the passive is the guest.
    const aux = /^(?:was|were|is|are|be|been|being)$/.test(tokens[v - 1]?.lower ?? '')
      ? v - 1
      : /^(?:was|were|is|are|been)$/.test(tokens[v - 2]?.lower ?? '') && !tokens[v - 1]!.punct
        ? v - 2
        : -1;
    // "was greeted at the airport by Y": a short place phrase may stand before "by".
    let by = v + 1;
    while (by < Math.min(clause.to, v + 6) && tokens[by]!.lower !== 'by' && !tokens[by]!.punct) by++;
    if (aux > clause.from && tokens[by]?.lower === 'by') {
      const subject = mentionsIn(ctx, clause.from, aux)
        .filter((m) => !m.possessive && !m.speaker)
        .pop();
      const adjacent =
        subject !== undefined &&
        tokens
          .slice(subject.to, aux)
          .every(
            (x, n) =>
              /^(?:,|of|the|will|would|shall|is|are|was|were|has|have|had|to|also|set|due|expected|scheduled|likely)$/.test(x.lower) ||
              subject.qualifierTokens.includes(subject.to + n),
          );
      if (!subject || !adjacent) continue;
      guest = subject;
      host = mentionsIn(ctx, by + 1, Math.min(clause.to, by + 9)).find((m) => !m.possessive) ?? null;
    }
    for (let k = lowerBound(ctx.allMentions, tokens[v]!.end, (m) => m.start); !guest && k < ctx.allMentions.length; k++) {
      const m = ctx.allMentions[k]!;
      if (m.from > v + 4 || m.to > clause.to) break;
      if (m.entity < 0 || m.possessive) continue;
      let plain = true;
      for (let i = v + 1; i < m.from && plain; i++)
        plain = /^(the|his|her|their|its|visiting|,)$/.test(tokens[i]!.lower) || qualifiers.has(i);
      if (plain) guest = m;
      break;
    }
    if (!guest) continue;
    const g = guest;
    const after = places.find(
      (p) => p.from >= g.to && !qualifiers.has(p.from) && !p.possessive && /^(in|at|to)$/.test(tokens[p.from - 1]?.lower ?? ''),
    );
    let place: { country: string; city: string | null; at: number } | null = after
      ? { country: after.country, city: after.city, at: after.from }
      : null;
    if (!place) {
      host ??= mentionsIn(ctx, clause.from, v).find((m) => !m.speaker && !m.possessive) ?? null;
      const hostCountry = host && host.entity >= 0 ? entities[host.entity]!.country : null;
      const hostPlace = places.find((p) => p.to <= v && p.from >= clause.from && !qualifiers.has(p.from) && !p.possessive);
      if (hostCountry) place = { country: hostCountry, city: null, at: g.from };
      else if (hostPlace) place = { country: hostPlace.country, city: hostPlace.city, at: g.from };
    }
    if (!place) continue;
    const trigger: Trigger = { idx: v, kind: 'visit', word: tokens[v]!.lower, transitive: false };
    out.push({ country: place.country, city: place.city, at: place.at, trigger, mode: 'in', explicit: true, traveller: g.entity });
  }
  return out;
}

/**
 * A dated sentence about a traveller and a place, with or without a travel word ("On Monday, 10 March,
 * she will address the Polish Senate"): it dates that leg of a trip told earlier with a coarser date.
 */
interface LegNote {
  entity: number;
  country: string;
  date: DateMention;
  sentence: number;
}

/** Words that can start a date: a cheap test before reading a sentence's dates. */
const DATE_HINT =
  /\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s|\bday\b/i;
/** "that same day", "the following day", "a day later": a day counted from the last day named. */
/** Whether a sentence holds one. */
const DAY_ANAPHOR_ANY =
  /\b(?:(?:that|the) same day|later that day|(?:the|on the) (?:following|next) day|(?:a|one) day later|the day after)\b/i;
/** One anaphor, for testing a phrase already found. */
const DAY_ANAPHOR_ONE =
  /^(?:(?:that|the) same day|later that day|(?:the|on the) (?:following|next) day|(?:a|one) day later|the day after)$/i;
const DAY_ANAPHOR =
  /\b(?:(?:that|the) same day|later that day|(?:the|on the) (?:following|next) day|(?:a|one) day later|the day after)\b/gi;
/** The tense of a sentence decides which "Friday" it means. */
const FUTURE_TENSE = /\b(?:will|shall|is (?:due|set|scheduled|expected|slated) to|are (?:due|set|scheduled|expected) to|is to|are to)\b/i;
const TOLD_BEFORE = /\b(?:said|says|announced|told|confirmed|tweeted|reported|stated|added|wrote)\s+(?:on\s+)?$/i;

/**
 * The dates of one sentence in text order (offsets relative to it), the day anaphors among them
 * resolved against the last day named before them (in this sentence or in `previous`).
 */
function sentenceDates(sText: string, ref: string, previous: { day: string } | null): { dates: DateMention[]; lastDay: string | null } {
  const explicit = DATE_HINT.test(sText) ? findDates(sText, ref, FUTURE_TENSE.test(sText) ? 'future' : 'past') : [];
  const anaphors: Array<{ start: number; end: number; phrase: string; shift: number }> = [];
  DAY_ANAPHOR.lastIndex = 0;
  for (let m = DAY_ANAPHOR.exec(sText); m; m = DAY_ANAPHOR.exec(sText)) {
    const shift = /same|later that/i.test(m[0]) ? 0 : 1;
    if (explicit.some((d) => d.start < m.index + m[0].length && m.index < d.end)) continue;
    anaphors.push({ start: m.index, end: m.index + m[0].length, phrase: m[0], shift });
  }
  // An itinerary moves forward: the day a sentence ends on is the latest it names ("on 9 March ...
  // a forum held on 8 and 9 March"), and the next "that same day" counts from it.
  const latest = (a: string | null, d: DateMention) => {
    const day = (d.endValue ?? d.value).from;
    return a === null || day > a ? day : a;
  };
  if (anaphors.length === 0) {
    const days = explicit.filter((d) => d.value.precision === 'day');
    return { dates: explicit, lastDay: days.reduce<string | null>(latest, null) };
  }
  const out: DateMention[] = [];
  let own: string | null = null;
  let last = previous?.day ?? null;
  const all = [...explicit.map((d) => ({ d, a: null })), ...anaphors.map((a) => ({ d: null, a }))].sort(
    (x, y) => (x.d?.start ?? x.a!.start) - (y.d?.start ?? y.a!.start),
  );
  for (const item of all) {
    if (item.d) {
      out.push(item.d);
      if (item.d.value.precision === 'day') last = own = latest(own, item.d);
      continue;
    }
    const a = item.a;
    if (!last) continue;
    const day = addDays(last, a.shift);
    out.push({ start: a.start, end: a.end, phrase: a.phrase, value: dayDate(day), endValue: null, strength: 4 });
    last = own = day;
  }
  return { dates: out, lastDay: last };
}

export function extractArticle(input: string, options: ExtractOptions = {}): ExtractionResult {
  const text = normalizeTypography(input);
  const refInfo = findReference(text, options.publishedOn);
  const ref = refInfo.date;
  let datelinePlace: ExtractionResult['datelinePlace'] = refInfo.dateline
    ? { country: refInfo.dateline.country, city: refInfo.dateline.city }
    : null;
  if (options.dateline) {
    const city = findCities(options.dateline)[0];
    const country = findCountry(options.dateline);
    if (city) datelinePlace = { country: city.country, city: city.name };
    else if (country) datelinePlace = { country: country.code, city: null };
  }

  const tokens = tokenize(text);
  const sentences = splitSentences(tokens);
  const mentions = findPersonMentions(text, tokens, sentences);
  const entities = resolveEntities(mentions);
  const ctx: Ctx = {
    text,
    tokens,
    ref,
    mentions: mentions.filter((m) => m.entity >= 0).sort((a, b) => a.from - b.from),
    allMentions: [...mentions].sort((a, b) => a.from - b.from),
    entities,
  };
  const personTokens = personTokenSet(mentions);
  const qualifierTokens = new Set<number>();
  for (const m of mentions) for (const q of m.qualifierTokens) qualifierTokens.add(q);

  const visitMentions: VisitMention[] = [];
  const tripContext = new Map<number, DateMention>();
  /** The mentions made by one travel word for one traveller (its legs), by "entity|token index". */
  const tripLegs = new Map<string, VisitMention[]>();
  let lastTraveller: number | null = null;
  /**
   * "cancelled his Asian tour. He was to visit A, B and C": a trip called off or put off without
   * naming where; the plans told in the next two sentences for the same traveller share its fate.
   */
  let carry: { entities: number[]; status: VisitStatus; cueAt: [number, number] | null; sentence: number } | null = null;
  /** The subject of the last sentence that had one: whom "she" means when no trip has been read yet. */
  let lastSubject: number | null = null;
  /** The person who opens the previous sentence ("Albanese said ..."), whom a sentence-initial "He" continues. */
  let opener: number | null = null;
  let lastVisit: VisitMention | null = null;
  let topic: { country: string; city: string | null } | null = null;
  let lastCountry: string | null = null;
  let order = 0;
  const legNotes: LegNote[] = [];
  /** The latest day each sentence read so far names, for "that same day" up to two sentences on. */
  const dayOf = new Map<number, string | null>();
  /** Who has a trip read so far. */
  const travelled = new Set<number>();

  for (const sentence of sentences) {
    const clauses = splitClauses(tokens, sentence);
    const sentencePlaces = findPlaces(text, tokens, sentence.from, sentence.to, personTokens);
    const sentencePersons = mentionsIn(ctx, sentence.from, sentence.to);
    const sentenceSubject = sentencePersons.find((m) => !m.speaker && !m.possessive && !isObjectPosition(ctx, m)) ?? null;
    const quoteSpeaker = sentencePersons.find((m) => m.speaker) ?? null;
    const prevSubject = lastSubject;
    const prevOpener = opener;
    const first = sentencePersons[0];
    opener = first && first.sentenceInitial && !first.possessive ? first.entity : null;
    if (sentenceSubject) lastSubject = sentenceSubject.entity;
    // "Turkey is set to host foreign ministers": the host of what follows.
    const sText = text.slice(sentence.start, sentence.end);
    const host =
      /^(?:the\s+)?([A-Z][\w' -]{1,40}?)\s+(?:is\s+(?:set|scheduled|due|expected)\s+to\s+host|will\s+host|to\s+host|hosts|is\s+hosting)\b/.exec(
        sText,
      );
    if (host) {
      const c = findCountry(host[1]!);
      const city = findCities(host[1]!)[0];
      if (c) topic = { country: c.code, city: null };
      else if (city) topic = { country: city.country, city: city.name };
    }

    // A sentence's dates are read only where they can matter (a day anaphor, or a dated note about a
    // leg below): reading every sentence of a long text costs as much as the rest of the extraction.
    const hasAnaphor = DAY_ANAPHOR_ANY.test(sText);
    const readTold = () => {
      if (ref === null) return { dates: [], lastDay: null };
      let previous: string | null = null;
      for (let k = sentence.index - 1; k >= Math.max(0, sentence.index - 2) && previous === null && hasAnaphor; k--) {
        if (!dayOf.has(k)) dayOf.set(k, sentenceDates(text.slice(sentences[k]!.start, sentences[k]!.end), ref, null).lastDay);
        previous = dayOf.get(k) ?? null;
      }
      const r = sentenceDates(sText, ref, previous === null ? null : { day: previous });
      dayOf.set(sentence.index, r.lastDay);
      return r;
    };
    let told: { dates: DateMention[]; lastDay: string | null } | null = hasAnaphor ? readTold() : null;
    /** Days counted from another ("the following day"), which a clause's own reading cannot see. */
    const anaphoric = told ? told.dates.filter((d) => d.strength === 4 && DAY_ANAPHOR_ONE.test(d.phrase)) : [];

    let sentenceReading: StatusReading | null = null;
    // "The date will be fixed later", "a new date will be set": the trip just called off is put off.
    const later =
      /\b(?:the|a|its|their|new) (?:new )?dates? (?:of (?:the|his|her|their) (?:visit|trip)s? )?(?:will|would|is to|are to|is yet to|has yet to) be (?:fixed|set|announced|decided|agreed|worked out|determined)\b/i.exec(
        sText,
      );
    if (later && lastVisit && sentence.index - lastVisit.sentence.index <= 2) {
      const cueAt: [number, number] = [sentence.start + later.index, sentence.start + later.index + later[0].length];
      for (const v of visitMentions) {
        if (v.sentence !== lastVisit.sentence || v.status !== 'cancelled') continue;
        v.status = 'postponed';
        v.statusCue = cueAt;
        v.reading = { ...v.reading, status: 'postponed', cue: later[0], cueAt };
      }
    }
    for (const clause of clauses) {
      const places = sentencePlaces.filter((p) => p.from >= clause.from && p.to <= clause.to);
      const triggers = findTriggers(tokens, clause);
      const clauseText = text.slice(tokens[clause.from]!.start, tokens[clause.to - 1]!.end);
      const clauseStart = tokens[clause.from]!.start;
      const lowerClause = clauseText.toLowerCase();
      const hosted = hostedGuests(ctx, clause, places, qualifierTokens);
      if (triggers.length === 0 && hosted.length === 0) {
        for (const p of places) if (p.kind === 'country' && !qualifierTokens.has(p.from)) lastCountry = p.country;
        continue;
      }
      const persons = mentionsIn(ctx, clause.from, clause.to);
      let dests = destinationsOf(ctx, clause, triggers, places, qualifierTokens, lastCountry);

      // "Washington, which Kadhemi is also set to visit": the place before ", which".
      if ((clause.opener === 'which' || clause.opener === 'where') && dests.length === 0) {
        const antecedent = sentencePlaces.filter((p) => p.to <= clause.from).pop();
        const t = triggers.find((x) => x.kind === 'visit' || x.kind === 'motion' || (clause.opener === 'where' && x.kind === 'meet'));
        if (antecedent && t && antecedent.to >= clause.from - 1 && !antecedent.possessive) {
          dests = [{ country: antecedent.country, city: antecedent.city, at: antecedent.from, trigger: t, mode: 'which', explicit: true }];
        }
      }
      // "In South Africa, she was also set to...": a fronted place.
      if (dests.length === 0 && triggers.length > 0 && tokens[clause.from]?.lower === 'in') {
        const p = places.find((x) => x.from === clause.from + 1 || x.from === clause.from + 2);
        if (p && tokens[p.to]?.text === ',' && !p.possessive)
          dests = [{ country: p.country, city: p.city, at: p.from, trigger: triggers[0]!, mode: 'fronted', explicit: true }];
      }

      // Who travels, for a travel word at trigger index t.
      const travellersFor = (t: Trigger): number[] => {
        // "nuclear-powered ship visits to NZ": a plural travel noun with nobody named is no one's trip.
        if (/^(visits|trips|legs|stops|tours)$/.test(t.word)) {
          const near = tokens.slice(Math.max(clause.from, t.idx - 4), t.idx);
          const determined = near.some((x) => x.poss || /^(the|his|her|their|its|these|those)$/.test(x.lower));
          const subject =
            persons.some((m) => m.from < t.idx && !m.possessive) || (sentenceSubject !== null && sentenceSubject.from < clause.from);
          if (!determined && !subject) return [];
        }
        // "a visit by the Saudi crown prince to Malaysia": the agent after "by" travels.
        if (t.kind === 'visit' || t.kind === 'tour') {
          let k = t.idx + 1;
          // "the trip to India by President X": past the destination to the agent.
          const dest = tokens[k]?.lower === 'to' ? places.find((p) => p.from === k + 1) : undefined;
          if (dest && tokens[dest.to]?.lower === 'by') k = dest.to;
          // "the visit of President X to Peru" as well.
          if (
            tokens[k]?.lower === 'by' ||
            (tokens[k]?.lower === 'of' && places.every((p) => p.from !== k + 1 || qualifierTokens.has(p.from)))
          ) {
            k++;
            const agent = persons.find((m) => m.from >= k && m.from <= k + 1 && !m.speaker);
            if (agent) return [agent.entity];
          }
        }
        // "A received a call from B, in which the latter regretted not being able to attend": "the
        // latter" is the last person named before it, "the former" the one before that.
        for (let k = Math.max(clause.from, t.idx - 20); k < t.idx - 1; k++) {
          if (tokens[k]!.lower !== 'the' || !/^(latter|former)$/.test(tokens[k + 1]!.lower)) continue;
          const named = sentencePersons.filter((m) => m.to <= k && !m.speaker);
          const ids = [...new Set(named.map((m) => m.entity))];
          const pick = tokens[k + 1]!.lower === 'latter' ? ids[ids.length - 1] : ids[ids.length - 2];
          if (pick !== undefined) return [pick];
        }
        // "invited X to visit", "the invitation for X to visit", "asked X to travel": X travels.
        if (tokens[t.idx - 1]?.lower === 'to') {
          const guest = persons.find((m) => {
            if (m.from >= t.idx || t.idx - m.to > 5) return false;
            const q = new Set(m.qualifierTokens);
            for (let k = m.to; k < t.idx - 1; k++) if (!q.has(k) && tokens[k]!.lower !== 'of' && tokens[k]!.text !== ',') return false;
            return /^(for|invited|invite|invites|inviting|asked|urged|allowed|encouraged|welcomed)$/.test(tokens[m.from - 1]?.lower ?? '');
          });
          if (guest) return [guest.entity];
        }
        // "The talks were led by Chancellor X of Y, who will travel to Z": a relative clause with no
        // subject of its own is about the person it follows, wherever that person stands.
        if (clause.opener === 'who' && !persons.some((m) => m.from < t.idx)) {
          const antecedent = sentencePersons.filter((m) => m.to <= clause.from && !m.possessive).pop();
          const between = tokens.slice(antecedent?.to ?? clause.from, clause.from);
          const adjacent = between.every(
            (x, n) => /^(?:,|of|the)$/.test(x.lower) || antecedent!.qualifierTokens.includes(antecedent!.to + n),
          );
          if (antecedent && adjacent) return [antecedent.entity];
        }
        // "Lavrov's visit", "Buhari's Planned Visit", "Mrs May's last stop".
        let k = t.idx - 1;
        while (
          k >= clause.from &&
          k > t.idx - 4 &&
          !tokens[k]!.poss &&
          !tokens[k]!.punct &&
          (!tokens[k]!.cap || MODIFIER_ADJECTIVES.has(tokens[k]!.lower)) &&
          !/^(the|a|an)$/.test(tokens[k]!.lower)
        )
          k--;
        const poss = persons.find((m) => m.possessive && m.to - 1 === k);
        if (poss) return [poss.entity];
        const before = persons.filter((m) => m.from < t.idx && !m.speaker && !m.possessive && !isObjectPosition(ctx, m));
        if (before.length > 0) {
          if (t.kind === 'meet' && tokens[t.idx + 1]?.lower === 'between') {
            // handled below
          } else return listWith(ctx, before[0]!, before).map((m) => m.entity);
        }
        if (t.kind === 'meet' && tokens[t.idx + 1]?.lower === 'between') {
          const after = persons.filter((m) => m.from > t.idx);
          if (after.length > 0) return listWith(ctx, after[0]!, after).map((m) => m.entity);
        }
        // A pronoun subject: the nearest person before it in the sentence, else the last traveller.
        const pron = tokensIn(tokens, clause.from, t.idx).find((x) => PRONOUNS.has(x.lower));
        if (pron) {
          const earlier = sentencePersons.filter((m) => m.end <= pron.start && !m.possessive);
          const nearest = earlier[earlier.length - 1];
          if (nearest) return [nearest.entity];
          // "X said in a statement that ... . He also said he would visit": a pronoun opening the
          // sentence continues the person who opened the previous one.
          if (pron.start === sentence.start && prevOpener !== null) return [prevOpener];
          if (lastTraveller !== null) return [lastTraveller];
          if (prevSubject !== null) return [prevSubject];
        }
        if (/\b(i|we|my|our)\b/.test(lowerClause) && quoteSpeaker) return [quoteSpeaker.entity];
        if (sentenceSubject && sentenceSubject.from < clause.from) return [sentenceSubject.entity];
        const after = persons.filter((m) => m.from > t.idx && !m.speaker && !m.possessive && !isObjectPosition(ctx, m));
        if (after.length > 0 && after[0]!.from > t.idx) {
          const tokBefore = tokens[after[0]!.from - 1]?.lower ?? '';
          if (tokBefore === ',' || tokBefore === 'the') return [after[0]!.entity];
        }
        return lastTraveller !== null ? [lastTraveller] : [];
      };

      // Implicit destinations for travel words that name none.
      const covered = new Set(dests.map((d) => d.trigger.idx));
      const implicit: Destination[] = [];
      for (const t of triggers) {
        if (covered.has(t.idx) || dests.some((d) => Math.abs(d.trigger.idx - t.idx) <= 3)) continue;
        const next = tokens[t.idx + 1];
        // "met with Ethiopian Prime Minister Abiy Ahmed", "a meeting with United States President Donald Trump".
        if (t.kind === 'meet' && dests.length === 0 && !/\b(sidelines?|summit|conference|assembly|forum)\b/.test(lowerClause)) {
          // The person met: after "with", or the direct object of "met"/"meet" ("met his Greek counterpart").
          const withIdx = tokens.slice(t.idx + 1, Math.min(clause.to, t.idx + 8)).findIndex((x) => x.lower === 'with');
          const from = withIdx >= 0 ? t.idx + 1 + withIdx : /^(met|meet|meets)$/.test(t.word) ? t.idx : -1;
          if (from >= 0) {
            const other = ctx.allMentions.find(
              (m) =>
                m.from > from &&
                m.from <= from + 4 &&
                m.from < clause.to &&
                tokens.slice(from + 1, m.from).every((x) => /^(the|his|her|their|its|a|an)$/.test(x.lower)),
            );
            const oc = other ? ((other.entity >= 0 ? entities[other.entity]!.country : null) ?? other.country) : null;
            if (other && oc) {
              implicit.push({ country: oc, city: null, at: t.idx, trigger: t, mode: 'met-with', explicit: false });
              continue;
            }
          }
        }
        // "Iraq's visiting premier", "will be visiting on Tuesday", "a meeting ... will take place".
        // The visitor named around the adjective: "Iraq's visiting premier", "the visiting Kenyan president".
        const visitor =
          t.word === 'visiting'
            ? (persons.find((m) => m.from <= t.idx && t.idx < m.to) ?? mentionsIn(ctx, t.idx + 1, t.idx + 3)[0] ?? null)
            : null;
        const visitingAdj = t.word === 'visiting' && (visitor !== null || !next || next.punct || /^(on|next|this|in)$/.test(next.lower));
        const takesPlace = t.kind === 'meet' && /\btake place\b/.test(lowerClause);
        const onVisit =
          (t.word === 'visit' || t.word === 'arrived' || t.word === 'arrives') &&
          !/^(to)$/.test(next?.lower ?? '') &&
          /\bon (?:a|an|his|her|their) (?:(?:first|official|state|working|maiden|historic|private|\w+-day) )*visit\b|\barriv/.test(
            lowerClause,
          ) &&
          !/\bvisit (to|of)\b/.test(lowerClause);
        if (visitingAdj || takesPlace || onVisit) {
          const place = topic ?? datelinePlace;
          if (place) {
            implicit.push({
              country: place.country,
              city: place.city,
              at: t.idx,
              trigger: t,
              mode: 'implicit',
              explicit: false,
              ...(visitor ? { traveller: visitor.entity } : {}),
            });
            continue;
          }
        }
        // "the trip was postponed", "Wang's visit", "the Oct. 23 visit": the last visit spoken of.
        if ((t.kind === 'visit' && t.word !== 'in') || t.kind === 'meet') {
          let k = t.idx - 1;
          while (
            k >= clause.from &&
            k > t.idx - 5 &&
            !/^(the|his|her|their|its|this|that)$/.test(tokens[k]!.lower) &&
            !tokens[k]!.poss &&
            !tokens[k]!.punct
          )
            k--;
          const det = tokens[k];
          if (det && k >= clause.from && (/^(the|his|her|their|its|this|that)$/.test(det.lower) || det.poss) && t.word !== 'talks') {
            implicit.push({ country: '', city: null, at: t.idx, trigger: t, mode: 'anaphor', explicit: false });
          }
        }
      }

      // A guest hosted is the traveller, not the host the travel words would name.
      const hostAt = new Set(hosted.map((h) => h.at));
      const allDests = [...dests.filter((d) => !hostAt.has(d.at)), ...implicit, ...hosted];
      // Dates of the clause, minus those that date the telling ("said on Friday", "on Tuesday postponed").
      const readings = new Map<number, StatusReading>();
      const readingFor = (t: Trigger) => {
        const hit = readings.get(t.idx);
        if (hit) return hit;
        const r = readStatus(lowerClause, tokens[t.idx]!.start - clauseStart, tokens[t.idx]!.end - clauseStart, t.word);
        // Offsets of the deciding words in the whole text, for the review to highlight.
        const abs: StatusReading = { ...r, cueAt: r.cueAt ? [r.cueAt[0] + clauseStart, r.cueAt[1] + clauseStart] : null };
        readings.set(t.idx, abs);
        return abs;
      };
      // "had been due to arrive on October 11": the date of a plan, which may still lie ahead (a trip
      // called off before it began) or behind; the nearest occurrence.
      const planPerfect = /\bhad (?:been (?:due|set|scheduled|expected|planned|slated|planning|intending|hoping)|planned|intended)\b/.test(
        lowerClause,
      );
      // "was due to visit on Sunday", "was to arrive on Friday": a plan told in the past; its day is
      // the nearest one (the Sunday just gone when the trip was then called off, else the coming one).
      const planPast = /\b(?:was|were) (?:due|scheduled|set|slated|supposed|meant|to) (?:to )?\w+/.test(lowerClause);
      const directionOf = (reading: StatusReading): Direction =>
        planPast && !planPerfect && !/\b(?:failed to|did not|didn't)\b/.test(lowerClause)
          ? 'closest'
          : planPerfect && !/\b(?:failed to|did not|didn't)\b/.test(lowerClause)
            ? 'nearest'
            : reading.pastPerfect &&
                (!/cancel|postpon|call|delay/.test(reading.cue ?? '') || /\bhad (?:cancel|postpon|call|scrap|delay)/.test(lowerClause))
              ? 'past'
              : reading.status === 'underway' && /^(?:arrives|arriving)$/.test(reading.cue ?? '')
                ? // "arrives in Oslo on Thursday": the present tense of news tells the coming day as well as the day just gone.
                  'closest'
                : reading.status === 'completed' || reading.status === 'underway'
                  ? 'past'
                  : reading.status === 'cancelled' || reading.status === 'postponed'
                    ? 'closest'
                    : 'future';
      const needDates =
        ref !== null && (allDests.length > 0 || triggers.some((x) => x.kind === 'tour' || x.kind === 'motion' || x.word === 'trip'));
      // The same words read differently with the tense: "will travel on Saturday" vs "arrived on Wednesday".
      const datesByDirection = new Map<Direction, DateMention[]>();
      const datesFor = (direction: Direction): DateMention[] => {
        if (!needDates || ref === null) return [];
        const cachedDates = datesByDirection.get(direction);
        if (cachedDates) return cachedDates;
        const list = findDates(clauseText, ref, direction).filter((d) => {
          const tokIdx = lowerBound(tokens, clauseStart + d.start, (x) => x.start);
          const endIdx = lowerBound(tokens, clauseStart + d.end, (x) => x.start);
          const b1 = tokens[tokIdx - 1]?.lower ?? '';
          const b2 = tokens[tokIdx - 2]?.lower ?? '';
          const b3 = tokens[tokIdx - 3]?.lower ?? '';
          if (
            ACT_BEFORE.test(b1) ||
            ((b1 === 'on' || b1 === 'again' || b1 === 'late' || b1 === 'early') && ACT_BEFORE.test(b2)) ||
            (b1 === 'on' && /^(again|also|earlier|later)$/.test(b2) && ACT_BEFORE.test(b3))
          )
            return false;
          // "announced by the palace in March": the date of the telling, a few words after its verb.
          for (let k = tokIdx - 1; k >= Math.max(clause.from, tokIdx - 5); k--) {
            const w = tokens[k]!;
            if (w.punct || TRIGGER_WORDS.has(w.lower)) break;
            if (/^(announced|said|reported|tweeted|confirmed|stated|revealed|declared)$/.test(w.lower) && k < tokIdx - 1) return false;
          }
          const afterToks = tokens.slice(endIdx, Math.min(endIdx + 6, clause.to));
          // "the August 2014 Leaders Summit", "the June 2 Accord": the date of a named event, not of the trip.
          if (b1 === 'the' && afterToks[0]?.cap && !afterToks[0].punct && !TRIGGER_WORDS.has(afterToks[0].lower)) return false;
          // "Rousseff on Tuesday postponed", "media Tuesday report"; "On Wednesday night, Pena Nieto had said".
          if (afterToks[0] && ACT_AFTER.test(afterToks[0].lower)) return false;
          if (tokIdx <= clause.from + 1) {
            // "In June, the premier confirmed the invitation for X to visit": a fronted date is that of
            // the act told before the travel word (saying, confirming, inviting), not of the trip.
            for (let k = endIdx; k < Math.min(clause.to, endIdx + 30); k++) {
              const a = tokens[k]!.lower;
              if (
                /^(said|says|told|announced|reported|tweeted|stated|confirmed|agreed|accepted|extended|invited|invitation|decided|declared|revealed|signed)$/.test(
                  a,
                )
              )
                return false;
              const kind = TRIGGER_WORDS.get(a);
              if (kind && kind !== 'meet') break;
            }
          }
          return true;
        });
        const clauseEnd = clauseStart + clauseText.length;
        for (const d of anaphoric) {
          const at = sentence.start + d.start;
          if (at >= clauseStart && at < clauseEnd) list.push({ ...d, start: at - clauseStart, end: at - clauseStart + d.phrase.length });
        }
        list.sort((a, b) => a.start - b.start);
        datesByDirection.set(direction, list);
        return list;
      };
      // "no new date has been set" is not a new date.
      const newDate = /\b(new dates?|other dates|propose|re-?schedul\w* (?:for|to))\b/.test(
        lowerClause.replace(/\b(?:no|not|without|yet to set a) new dates?\b/g, ''),
      );
      const firmReschedule = /\bre-?schedul\w* (?:for|to)\b/.test(lowerClause);
      const duration = findDuration(clauseText);
      const absDate = (d: DateMention): DateMention => ({ ...d, start: d.start + clauseStart, end: d.end + clauseStart });

      const mentionsBefore = visitMentions.length;
      // "has no plans to visit", "is not planning to travel": no trip at all.
      const noPlan =
        /\b(?:(?:has|have|had) no (?:immediate )?(?:plans?|intention) (?:to|of)|(?:is|are|was|were) not (?:planning|intending|scheduled|expected) to)\b/.exec(
          lowerClause,
        );
      for (const d of allDests) {
        if (noPlan && noPlan.index < tokens[d.trigger.idx]!.start - clauseStart) continue;
        let reading = readingFor(d.trigger);
        // "returned from a tour on Thursday, after stops in Gabon and Angola": a clause with no
        // status words of its own takes the status of the clause it hangs on.
        if (
          reading.cue === null &&
          sentenceReading &&
          clause.opener &&
          /^(after|following|before|while|which|where|who|-)$/.test(clause.opener)
        ) {
          reading = { ...reading, status: sentenceReading.status, cueAt: sentenceReading.cueAt };
        }
        const dates = datesFor(directionOf(reading));
        let travellers = d.traveller !== undefined ? [d.traveller] : travellersFor(d.trigger);
        let anchor: VisitMention | null = null;
        if (d.mode === 'anaphor') {
          const target =
            travellers.length > 0 ? findLast(visitMentions, (v) => v.entity === travellers[0] && v.previousLegOf === null) : lastVisit;
          // "X had postponed his visit" with no earlier visit of X's: not someone else's trip.
          const base = target ?? (travellers.length > 0 ? null : lastVisit);
          if (!base) continue;
          d.country = base.country;
          d.city = base.city;
          travellers = [base.entity];
          anchor = base;
        }
        // Date for this destination: the nearest after it (before the next destination), else before it.
        const posOf = (i: number) => tokens[i]!.start - clauseStart;
        const nextDest = allDests.filter((x) => x.at > d.at).sort((a, b) => a.at - b.at)[0];
        const limit = nextDest ? posOf(nextDest.at) : clauseText.length;
        let date = dates.find((x) => x.start >= posOf(d.at) && x.start < limit) ?? null;
        if (!date) {
          // A date right after an earlier destination is that destination's ("Tanzania from March 28-29").
          const prevDestAt = allDests.filter((x) => x.at < d.at).sort((a, b) => b.at - a.at)[0];
          const lower = prevDestAt ? posOf(prevDestAt.at) : 0;
          const before = dates.filter((x) => x.end <= posOf(d.at) && x.start >= lower && !(prevDestAt && x.start >= posOf(prevDestAt.at)));
          date = before[before.length - 1] ?? null;
        }
        if (!date && dates.length > 0 && new Set(allDests.map((x) => x.trigger.idx)).size === 1 && d.mode !== 'from') date = dates[0]!;
        let rescheduledTo: FuzzyDate | null = null;
        let status = reading.status;
        if (date && newDate) {
          if (firmReschedule) status = 'planned';
          else {
            rescheduledTo = date.value;
            date = null;
          }
        }
        // "arrived in A on Monday at the start of a tour that will also take her to B": a leg told
        // in the future after a past or present travel word is still ahead.
        if ((status === 'completed' || status === 'underway') && d.at > d.trigger.idx && d.mode !== 'from') {
          const between = text.slice(tokens[d.trigger.idx]!.end, tokens[d.at]!.start).toLowerCase();
          const ahead = /\b(?:will|shall|is to|are to|is due to|is set to|is expected to|is scheduled to)\b/.exec(between);
          if (ahead) {
            status = 'planned';
            const at = tokens[d.trigger.idx]!.end + ahead.index;
            reading = { ...reading, status, cue: ahead[0], cueAt: [at, at + ahead[0].length] };
          }
        }
        if (reading.cue !== null) sentenceReading = reading;
        for (const entity of travellers) {
          const person = entities[entity]!;
          const ownCountry = person.country;
          if (ownCountry && ownCountry === d.country) continue;
          if (!d.country) continue;
          // Coming home: "returned to <capital>", "has to return to <country>" is no visit unless the
          // traveller is already spoken of as visiting that country ("will return to Madrid" on a tour);
          // otherwise it is where they live, and no later mention makes it a visit.
          if (
            /^return/.test(d.trigger.word) &&
            (d.mode === 'to' || d.mode === 'obj') &&
            !/\b(?:for|on) (?:a|an|his|her|their) (?:[\w-]+ ){0,2}(?:visit|trip|tour|stay)\b/.test(lowerClause)
          ) {
            if (!visitMentions.some((v) => v.entity === entity && v.country === d.country)) {
              person.country ??= d.country;
              continue;
            }
          }
          let vStatus = status;
          let statusCue = reading.cueAt;
          if (
            carry &&
            vStatus === 'planned' &&
            /\b(?:was|were|had been) (?:to|due|scheduled|set|expected|slated|planned)\b|\bhad planned\b/.test(lowerClause) &&
            d.mode !== 'from' &&
            carry.sentence < sentence.index &&
            sentence.index - carry.sentence <= 2 &&
            carry.entities.includes(entity)
          ) {
            vStatus = carry.status;
            statusCue = carry.cueAt;
          }
          let prev: VisitMention['previousLegOf'] = null;
          if (d.mode === 'from') {
            vStatus = 'completed';
            statusCue = [tokens[d.trigger.idx]!.start, tokens[d.trigger.idx]!.end];
            const arrivalDest = allDests.find((x) => x.mode !== 'from' && x.country !== d.country);
            const lastOfTraveller = findLast(visitMentions, (v) => v.entity === entity && v.country !== d.country);
            const target = arrivalDest
              ? { entity, country: arrivalDest.country }
              : lastOfTraveller
                ? { entity, country: lastOfTraveller.country }
                : null;
            prev = target;
          }
          const vm: VisitMention = {
            entity,
            country: d.country,
            city: d.city,
            status: vStatus,
            // "arrived from X": leaving X, not arriving there.
            reading: d.mode === 'from' ? { ...reading, arrival: false } : reading,
            statusCue,
            date: d.mode === 'from' ? null : date ? absDate(date) : null,
            dateRank: date ? date.strength * 10 + (d.trigger.kind === 'meet' ? 0 : 5) : 0,
            rescheduledTo,
            duration: d.mode === 'from' ? duration : d.trigger.kind === 'meet' && !reading.departure ? null : duration,
            sentence,
            order: order++,
            explicit: d.explicit,
            previousLegOf: prev,
            anchor,
            former: planPerfect,
            triggerAt: d.trigger.idx,
          };
          visitMentions.push(vm);
          travelled.add(entity);
          // "postpone his trip to A and B. The trip, originally planned for July 2 to 7, ...": the trip
          // referred back to is every destination named with the same travel word.
          if (anchor) {
            const base = anchor;
            const legs = (tripLegs.get(`${base.entity}|${base.triggerAt}`) ?? []).filter(
              (v) => v !== base && v.country !== base.country && v.previousLegOf === null,
            );
            for (const leg of legs) visitMentions.push({ ...vm, country: leg.country, city: leg.city, anchor: leg, order: order++ });
          }
          const legKey = `${entity}|${d.trigger.idx}`;
          const legList = tripLegs.get(legKey);
          if (legList) legList.push(vm);
          else tripLegs.set(legKey, [vm]);
          if (d.mode !== 'from') lastVisit = vm;
          lastTraveller = entity;
        }
      }
      if (visitMentions.length === mentionsBefore) {
        const tripWord = triggers.find((x) => /^(trip|trips|visit|visits|tour|tours|journey)$/.test(x.word));
        const r = tripWord ? readingFor(tripWord) : null;
        if (tripWord && r && (r.status === 'cancelled' || r.status === 'postponed') && r.cue !== null) {
          const who = travellersFor(tripWord);
          if (who.length > 0) carry = { entities: who, status: r.status, cueAt: r.cueAt, sentence: sentence.index };
        }
      }
      // A trip with a date but no destination ("is scheduled to leave Saturday night for a tour",
      // "began his tour of Africa on Wednesday"): its undated legs fall in that month.
      const tripTrigger =
        allDests.length === 0 ? triggers.find((x) => x.kind === 'tour' || x.kind === 'motion' || x.word === 'trip') : undefined;
      if (tripTrigger) {
        const r = readingFor(tripTrigger);
        if (r.cue !== null) sentenceReading = r;
      }
      const dates = tripTrigger ? datesFor(directionOf(readingFor(tripTrigger))) : [];
      if (tripTrigger && dates.length > 0) {
        const t = tripTrigger;
        {
          const travellers = travellersFor(t);
          for (const e of travellers) if (!tripContext.has(e)) tripContext.set(e, absDate(dates[0]!));
        }
      }
      for (const p of places) if (p.kind === 'country' && !qualifierTokens.has(p.from)) lastCountry = p.country;
    }

    // "will not attend ... and will send X in his place", "will be represented at the summit by X":
    // X goes where the leader would have gone, and the leader does not.
    const substitute =
      /\b(?:send|sends|sent|sending|dispatch(?:es|ed|ing)?|delegat(?:e|es|ed|ing))\b(?=[^.;]*\b(?:in (?:his|her|their) (?:place|stead)|instead|to represent)\b)|\binstead (?:\w+ )?(?:send|sends|sent|dispatch(?:es|ed)?|delegat(?:e|es|ed))\b|\b(?:be|been|is|are|was|were) represented\b[^.;]*?\bby\b/i.exec(
        sText,
      );
    if (substitute) {
      const from = sentence.start + substitute.index + substitute[0].length;
      const who = ctx.mentions.find((m) => m.start >= from && m.start - from <= 40 && m.end <= sentence.end && !m.possessive);
      const leg = findLast(visitMentions, (v) => v.sentence.index >= sentence.index - 1 && v.entity !== who?.entity);
      if (who && leg && entities[who.entity]!.country !== leg.country) {
        const at: [number, number] = [sentence.start + substitute.index, from];
        const past =
          !/\b(?:will|would|is to|are to|plans? to)\b/i.test(sText) &&
          /\b(?:sent|dispatched|delegated|was represented|were represented)\b/i.test(sText);
        if (leg.sentence.index === sentence.index && leg.status === 'planned') {
          leg.status = 'cancelled';
          leg.statusCue = at;
          leg.reading = { ...leg.reading, status: 'cancelled', cue: substitute[0], cueAt: at };
        }
        const status: VisitStatus = past ? 'completed' : 'planned';
        visitMentions.push({
          ...leg,
          entity: who.entity,
          status,
          statusCue: at,
          reading: { ...leg.reading, status, cue: substitute[0], cueAt: at },
          sentence,
          order: order++,
          anchor: null,
          previousLegOf: null,
        });
        travelled.add(who.entity);
      }
    }

    // A dated sentence about the last traveller (named as its subject or by a pronoun) and a place:
    // the places it names (or the nationality of the people met) date that traveller's legs there.
    const subject = sentenceSubject && !sentenceSubject.speaker ? sentenceSubject.entity : null;
    const lead = tokens.slice(sentence.from, Math.min(sentence.to, sentence.from + 12));
    const traveller = subject ?? (lead.some((x) => x.lower === 'he' || x.lower === 'she') ? lastTraveller : null);
    if (ref !== null && traveller !== null && travelled.has(traveller)) {
      const spots: Array<{ country: string; at: number }> = [];
      for (const p of sentencePlaces) if (!qualifierTokens.has(p.from)) spots.push({ country: p.country, at: tokens[p.from]!.start });
      for (let k = lowerBound(ctx.allMentions, sentence.start, (m) => m.start); k < ctx.allMentions.length; k++) {
        const m = ctx.allMentions[k]!;
        if (m.start >= sentence.end) break;
        if (m.entity === traveller) continue;
        const c = (m.entity >= 0 ? entities[m.entity]!.country : null) ?? m.country;
        if (c) spots.push({ country: c, at: m.start });
      }
      const own = entities[traveller]!.country;
      const foreign = spots.filter((x) => x.country !== own);
      told ??= foreign.length > 0 ? readTold() : null;
      const days = (told?.dates ?? []).filter((d) => d.value.precision === 'day' && !TOLD_BEFORE.test(sText.slice(0, d.start)));
      for (const spot of days.length > 0 ? foreign : []) {
        const rel = spot.at - sentence.start;
        const nearest = days.reduce((a, b) => (Math.abs(b.start - rel) < Math.abs(a.start - rel) ? b : a));
        legNotes.push({
          entity: traveller,
          country: spot.country,
          date: { ...nearest, start: nearest.start + sentence.start, end: nearest.end + sentence.start },
          sentence: sentence.index,
        });
      }
    }
  }

  return assemble(text, refInfo.source, ref, datelinePlace, entities, visitMentions, tripContext, legNotes, options);
}

function spanOf(fd: FuzzyDate): [string, string] {
  return [fd.from, fd.to];
}

function gapDays(a: FuzzyDate, b: FuzzyDate): number {
  const [af, at] = spanOf(a);
  const [bf, bt] = spanOf(b);
  if (at < bf) return daysBetween(at, bf);
  if (bt < af) return daysBetween(bt, af);
  return 0;
}

interface Cluster {
  entity: number;
  country: string;
  items: VisitMention[];
}

function assemble(
  text: string,
  referenceSource: ExtractionResult['referenceSource'],
  ref: string | null,
  datelinePlace: ExtractionResult['datelinePlace'],
  entities: Entity[],
  mentions: VisitMention[],
  tripContext: Map<number, DateMention>,
  legNotes: LegNote[],
  options: ExtractOptions,
): ExtractionResult {
  // Group by traveller and host country, then split by time: "France in November" and "France next
  // week" are two visits; "Nepal on Tuesday" and "Nepal on Monday evening" one.
  // Each cluster's distinct date spans and each mention's cluster are kept aside, so that a long
  // article's many mentions of one trip are grouped in time proportional to their number.
  const clusters: Cluster[] = [];
  const clusterKey = new Map<string, Cluster[]>();
  const spans = new Map<Cluster, Map<string, FuzzyDate>>();
  const home = new Map<VisitMention, Cluster>();
  const near = (c: Cluster, d: FuzzyDate, all: boolean) => {
    const list = [...spans.get(c)!.values()];
    return all ? list.every((x) => gapDays(x, d) <= 31) : list.length === 0 || list.some((x) => gapDays(x, d) <= 31);
  };
  const ahead = (c: Cluster) => {
    const list = [...spans.get(c)!.values()];
    return ref !== null && list.length > 0 && list.every((x) => x.from > ref);
  };
  for (const m of mentions) {
    const key = `${m.entity}|${m.country}`;
    const same = clusterKey.get(key) ?? [];
    let target: Cluster | null = null;
    const anchored = m.anchor ? home.get(m.anchor) : undefined;
    if (anchored && anchored.entity === m.entity && anchored.country === m.country && (!m.date || near(anchored, m.date.value, true)))
      target = anchored;
    // "their first summit in April 2019", "his last trip was in 2013": a trip referred back to but
    // dated far from it is another, older event, not a visit to the same place.
    else if (anchored && m.date && spans.get(anchored)!.size > 0) continue;
    else if (!m.date) {
      // "first travelled to A and B" (an old trip, undated) is not the coming visit to B: a mention
      // told as done joins a cluster only if that cluster has no date wholly after the reference day.
      const done = m.status === 'completed' && m.reading.cue !== null && !m.anchor;
      target = same.find((c) => !done || !ahead(c)) ?? null;
    } else target = same.find((c) => near(c, m.date!.value, false)) ?? null;
    if (!target) {
      target = { entity: m.entity, country: m.country, items: [] };
      clusters.push(target);
      spans.set(target, new Map());
      if (same.length === 0) clusterKey.set(key, [target]);
      else same.push(target);
    }
    target.items.push(m);
    home.set(m, target);
    if (m.date) spans.get(target)!.set(`${m.date.value.from}|${m.date.value.to}`, m.date.value);
  }

  const firstTold = new Map<number, number>();
  /** Sentences already read as a trip of that traveller to that place: their dates are the mentions' own. */
  const readAsTrip = new Set<string>();
  for (const m of mentions) {
    if (!firstTold.has(m.entity)) firstTold.set(m.entity, m.sentence.index);
    readAsTrip.add(`${m.entity}|${m.country}|${m.sentence.index}`);
    // A date the trip itself was read with ("begins a tour on Friday that includes ...") is no leg's own.
    if (m.date) readAsTrip.add(`${m.entity}|@${m.date.start}`);
  }

  const people = new Map<number, ExtractedPerson>();
  const personOf = (id: number): ExtractedPerson => {
    const found = people.get(id);
    if (found) return found;
    const e = entities[id]!;
    const known = options.knownPeople
      ? (matchKnownPerson(e.name, options.knownPeople) ??
        e.mentions.map((m) => (m.name ? matchKnownPerson(m.name, options.knownPeople!) : null)).find((x) => x) ??
        null)
      : null;
    const mentionsText = [...new Set(e.mentions.map((m) => text.slice(m.start, m.end)))].filter((s) => s !== e.name);
    const p: ExtractedPerson = {
      name: e.name,
      title: e.title ? canonicalTitle(e.title, e.role) : null,
      country: e.country ?? known?.country ?? null,
      mentions: mentionsText,
      knownPersonId: known?.id ?? null,
    };
    people.set(id, p);
    return p;
  };

  const visits: ExtractedVisit[] = [];
  const byKey = new Map<string, ExtractedVisit>();
  const pending: Array<{ visit: ExtractedVisit; cluster: Cluster }> = [];
  for (const c of clusters) {
    const items = c.items;
    const traveller = personOf(c.entity);
    if (traveller.country && traveller.country === c.country) continue;
    // Status: the first word that is more than a plan (news leads with what happened), else planned.
    // A status read from tense alone ("the trip was mentioned") counts only when nothing better is said.
    let decided =
      items.find((x) => x.status !== 'planned' && x.reading.cue !== null) ??
      (items.every((x) => x.reading.cue === null) ? items.find((x) => x.status !== 'planned') : undefined);
    // A part is not the whole: calling off one city or site ("would not visit <city>") leaves the
    // visit as planned when the country itself is still spoken of as a plan, later and not as former.
    if (decided && decided.city && (decided.status === 'cancelled' || decided.status === 'postponed')) {
      const whole = items.find(
        (x) => x.city === null && x.explicit && !x.former && x.order > decided!.order && x.status === 'planned' && x.reading.cue !== null,
      );
      if (whole) decided = undefined;
    }
    let status: VisitStatus = decided ? decided.status : 'planned';
    // Dates: the most reliable reading; ties go to the first. A plan still standing prefers the
    // dates not told as former ("had been planning to arrive on Sunday ... would arrive on Monday").
    const standing = status === 'planned' || status === 'underway';
    const dated = items
      .filter((x) => x.date)
      .sort((a, b) => (standing ? Number(a.former) - Number(b.former) : 0) || b.dateRank - a.dateRank || a.order - b.order);
    const shared = (m: VisitMention) =>
      items.some((x) => x.date && x.date.start === m.date!.start && x !== m) ||
      clusters.some((o) => o !== c && o.entity === c.entity && o.items.some((x) => x.date && x.date.start === m.date!.start));
    // A whole trip's date ("begins a tour on Friday that includes A, B and C") gives way to a day
    // said of this leg alone, on or after it.
    const own =
      dated[0] && shared(dated[0])
        ? dated.find((x) => x.date!.value.precision === 'day' && x.date!.value.from >= dated[0]!.date!.value.from && !shared(x))
        : undefined;
    const best = own ?? dated[0] ?? null;
    let start: FuzzyDate | null = null;
    let end: FuzzyDate | null = null;
    let datePhrase: string | null = null;
    let dateCue: [number, number] | null = null;
    const multi = best ? shared(best) : false;
    if (best?.date) {
      datePhrase = text.slice(best.date.start, best.date.end);
      dateCue = [best.date.start, best.date.end];
      const d = best.date;
      if (d.endValue && multi) {
        // A whole-trip range shared by several legs is a window for each.
        start = windowDate(d.value.from, d.endValue.to, datePhrase);
      } else {
        start = d.value;
        end = d.endValue;
      }
      const duration = best.duration ?? items.find((x) => x.duration)?.duration ?? null;
      if (duration && start.precision === 'day' && !end) {
        if (best.reading.departure) {
          end = start;
          start = dayDate(addDays(end.from, -(duration - 1)));
        } else if (best.reading.arrival || duration) {
          end = dayDate(addDays(start.from, duration - 1));
        }
      }
    }
    // A leg dated only coarsely, or by the whole trip's date, takes the day a later sentence gives
    // it ("begins a tour on Friday ... On Monday, 10 March, she will address the Polish Senate").
    if (!start || start.precision !== 'day' || (multi && !end)) {
      // After the trip is first told (a leg's own mention may come later, "unlike her visits to A and B").
      const first = firstTold.get(c.entity) ?? 0;
      const note = legNotes.find(
        (n) =>
          n.entity === c.entity &&
          n.country === c.country &&
          n.sentence > first &&
          !readAsTrip.has(`${n.entity}|${n.country}|${n.sentence}`) &&
          !readAsTrip.has(`${n.entity}|@${n.date.start}`) &&
          (!start || (n.date.value.from >= start.from && daysBetween(start.from, n.date.value.from) <= 31)),
      );
      if (note && note.date.value.from !== start?.from) {
        start = note.date.value;
        end = null;
        datePhrase = text.slice(note.date.start, note.date.end);
        dateCue = [note.date.start, note.date.end];
      }
    }
    // Undated legs of a trip dated elsewhere; news of the moment ("has cancelled", "was on a tour").
    if (!start && ref) {
      const trip = tripContext.get(c.entity);
      if (trip) {
        const y = Number(trip.value.from.slice(0, 4));
        const mo = Number(trip.value.from.slice(5, 7));
        start = monthDate(y, mo);
        datePhrase = text.slice(trip.start, trip.end);
        dateCue = [trip.start, trip.end];
      } else if (items.some((x) => x.reading.current && /arriv/.test(x.reading.cue ?? '') && x.status === 'underway')) {
        start = dayDate(ref);
      } else if (items.some((x) => x.reading.current && x.explicit)) {
        start = monthDate(Number(ref.slice(0, 4)), Number(ref.slice(5, 7)));
      }
    }
    // Arrived on a day, for a number of days: underway while the reference day is inside.
    const leaving = items.some((x) => x.reading.departure);
    if (ref && start && (status === 'completed' || status === 'underway') && items.some((x) => x.reading.arrival)) {
      // With no end told, a visitor who arrived yesterday is taken to be there still.
      const last = end?.to ?? (start.precision === 'day' && !leaving ? addDays(start.to, 1) : start.to);
      if (start.from <= ref && ref <= last) status = 'underway';
      else if (last < ref) status = 'completed';
    } else if (ref && start && end && status === 'completed' && start.precision === 'day' && !leaving) {
      // "flew to Oslo on Tuesday for a three-day visit": under way while the reference day is inside.
      if (start.from <= ref && ref <= end.to) status = 'underway';
    }
    if (ref && status === 'underway' && start && start.from > ref) status = 'planned';
    const evidenceItem = items.find((x) => x.explicit) ?? items[0]!;
    const rescheduled = items.find((x) => x.rescheduledTo)?.rescheduledTo ?? null;
    const city = items.find((x) => x.city && x.explicit)?.city ?? items.find((x) => x.city)?.city ?? null;
    const confidence = Math.min(
      1,
      0.35 +
        (items.some((x) => x.explicit) ? 0.25 : 0) +
        (start ? 0.15 : 0) +
        Math.min(0.2, 0.05 * items.length) +
        (decided?.reading.cue ? 0.05 : 0),
    );
    // The words that decided the status: those of the deciding mention, else the first that said "planned".
    const statusCue = (decided ?? items.find((x) => x.status === status && x.statusCue))?.statusCue ?? null;
    const cues: CueSpan[] = [];
    if (statusCue) cues.push(cueSpan(text, 'status', statusCue));
    if (dateCue && start) cues.push(cueSpan(text, 'date', dateCue));
    const visit: ExtractedVisit = {
      traveller,
      country: c.country,
      city,
      status,
      start,
      end,
      datePhrase,
      evidence: spanFor(text, evidenceItem.sentence),
      cues,
      confidence: Math.round(confidence * 100) / 100,
      ...(rescheduled ? { rescheduledTo: rescheduled } : {}),
    };
    pending.push({ visit, cluster: c });
    byKey.set(`${c.entity}|${c.country}`, visit);
    visits.push(visit);
  }
  // Previous legs ("flew to Kathmandu from Dhaka after wrapping up a two-day visit") end when the next begins.
  for (const { visit, cluster } of pending) {
    if (visit.start) continue;
    const leg = cluster.items.find((x) => x.previousLegOf);
    if (!leg?.previousLegOf) continue;
    const next = byKey.get(`${leg.previousLegOf.entity}|${leg.previousLegOf.country}`);
    if (!next?.start || next.start.precision !== 'day') continue;
    visit.end = dayDate(next.start.from);
    visit.start = leg.duration
      ? dayDate(addDays(next.start.from, -(leg.duration - 1)))
      : monthDate(Number(next.start.from.slice(0, 4)), Number(next.start.from.slice(5, 7)));
  }
  // A traveller met at the place of another's visit is not travelling; drop proposals nobody could
  // review (no traveller name).
  const kept = visits.filter((v) => v.traveller.name.trim() !== '');
  kept.sort((a, b) => a.evidence.start - b.evidence.start);
  return {
    text,
    referenceDate: ref,
    referenceSource: ref ? referenceSource : 'none',
    datelinePlace,
    people: entities.filter((e) => !e.titleOnly || e.mentions.length > 0).map((e) => personOf(e.id)),
    visits: kept,
  };
}

function canonicalTitle(title: string, role: string | null): string | null {
  if (role && VAGUE_ROLES.has(role)) return null;
  // "top diplomat", "premier" written in lower case: the office's usual name.
  const source = /^\p{Ll}/u.test(title) && role ? role : title;
  return source
    .replace(/\s+/g, ' ')
    .replace(/\b(\p{Ll})/gu, (c) => c.toUpperCase())
    .replace(/\b(Of|The|And)\b/g, (w) => w.toLowerCase());
}

function cueSpan(text: string, kind: CueSpan['kind'], [start, end]: [number, number]): CueSpan {
  return { kind, start, end, quote: text.slice(start, end) };
}

function spanFor(text: string, s: Sentence): TextSpan {
  let start = s.start;
  let end = s.end;
  // Drop a leading date stamp from the quoted sentence.
  const lead = leadingDateStamp(text.slice(start, end));
  if (lead) start += lead.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end, quote: text.slice(start, end) };
}
