import {
  applyStatusChange,
  createVisit,
  evidenceSchema,
  localToday,
  personSchema,
  requiresReason,
  sourceSchema,
  visitSchema,
  type Evidence,
  type FuzzyDate,
  type Person,
  type Place,
  type Source,
  type Visit,
  type VisitStatus,
} from '../../shared/model';
import { placeFor } from '../../shared/places';
import { duplicatesOf, type DuplicateKey } from '../../shared/model/duplicates';
import { PeopleMatcher, type MatchReason } from '../../shared/people/match';
import { foldForExact } from '../../shared/text/fold';
import { ValidationError } from './errors';
import { clock, db } from './instance';
import { assertIntegrity, type IntegrityWrite } from './integrity';
import { pushUndo } from './undo';

/**
 * Saving the proposals of an imported article as records: one Source holding the article's text,
 * the travellers (new people, or people already in the database), the visits with their status
 * history, and Evidence tying each visit's status, place and start to the sentence it came from.
 * Everything in one transaction, undone as one step.
 */

/** The traveller of a proposal, as the review left it. */
export interface ImportTraveller {
  name: string;
  title: string | null;
  /** ISO alpha-2 of the country the person represents, if known. */
  country: string | null;
  /** Other names the article uses ("Obama", "Mrs May"): kept as aliases of a new person. */
  mentions: readonly string[];
  /** A person of the database the extractor matched (by name or alias), or the one the user chose in the review. */
  knownPersonId: string | null;
  /** The user chose a new person in the review, even though the name may be someone recorded. */
  createNew?: boolean;
}

/** One accepted proposal. `evidence` offsets point into the request's `text`. */
export interface ImportVisitProposal {
  traveller: ImportTraveller;
  country: string;
  city: string | null;
  status: VisitStatus;
  start: FuzzyDate | null;
  end: FuzzyDate | null;
  evidence: { start: number; end: number; quote: string };
}

export interface ArticleImportRequest {
  /** The article's normalised text (ExtractionResult.text): kept as the Source's text. */
  text: string;
  /** Other forms of the same article (the pasted text before normalisation): for duplicate checks only. */
  alternateTexts?: readonly string[];
  source: {
    title: string;
    publisher: string | null;
    url: string | null;
    /** The reference date: relative dates were read from it; also the day of the status entries. */
    publishedOn: string | null;
    datelinePlace: Place | null;
  };
  proposals: readonly ImportVisitProposal[];
}

export interface SkippedProposal {
  /** Index into the request's proposals. */
  index: number;
  /** The visit already in the database for the same traveller, country and start. */
  existingVisitId: string;
}

export interface ArticleImportResult {
  source: Source;
  visits: Visit[];
  createdPeople: Person[];
  /** People already in the database that the visits were linked to. */
  linkedPeople: Person[];
  evidence: Evidence[];
  skipped: SkippedProposal[];
}

/** Refused because the same article is already a source (the caller may insist). */
export class DuplicateSourceError extends Error {
  constructor(readonly existing: Source) {
    super(`This article is already in your sources ("${existing.title}").`);
    this.name = 'DuplicateSourceError';
  }
}

/**
 * The text as compared for duplicates: typographic quotes, dashes and spacing vary between a
 * copy pasted from a browser, a saved file and the extractor's normalised text, so they are
 * folded away; the words and their order must be the same.
 */
export function canonicalArticleText(text: string): string {
  // Quotes first: NFKC turns the acute accent some sites use as an apostrophe (´) into a space + accent.
  return (
    text
      .replace(/[\u2018\u2019\u201A\u201B\u00B4\u0060\u2032]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      // An ellipsis may be one character or three dots (the extractor keeps one dot for it).
      .replace(/\u2026|\.{2,}/g, '.')
      .normalize('NFKC')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
  );
}

/**
 * Finds a live source with the same article text. Lengths are compared first (folding only
 * shortens whitespace and ellipses a little), so only plausible candidates are folded.
 */
async function findDuplicate(texts: readonly string[]): Promise<Source | null> {
  const wanted = texts.filter((t) => t.trim() !== '');
  if (wanted.length === 0) return null;
  const canon = new Set(wanted.map(canonicalArticleText));
  const lengths = wanted.map((t) => t.length);
  const plausible = (n: number) => lengths.some((len) => Math.abs(n - len) <= len * 0.2 + 200);
  let hit: Source | null = null;
  await db.sources
    .filter((s) => !s.deletedAt && s.text !== '' && plausible(s.text.length))
    .until(() => hit !== null)
    .each((s) => {
      if (!hit && canon.has(canonicalArticleText(s.text))) hit = s;
    });
  return hit;
}

/** The live source holding the same article (compared on normalised text), if any. */
export async function findDuplicateArticle(text: string, alternateTexts: readonly string[] = []): Promise<Source | null> {
  return db.transaction('r', db.sources, () => findDuplicate([text, ...alternateTexts]));
}

/** Longer names the article gives the traveller ("Mustafa al-Kadhimi"), not short ones ("Kadhimi") that fit many. */
function fullMentions(t: ImportTraveller): string[] {
  return t.mentions.filter((m) => m.trim().includes(' '));
}

/**
 * Who each traveller is in the database: the person the user chose in the review or the extractor
 * matched; else the one person the matcher (shared/people/match.ts) is certain of: the same name
 * or alias, or the same but for a middle initial. Spelling variants are only offered (see
 * `ProposalPreview.candidates`); without a choice they become a new person.
 */
function resolvePerson(t: ImportTraveller, matcher: PeopleMatcher, byId: ReadonlyMap<string, Person>): Person | null {
  if (t.createNew) return null;
  // The review clears knownPersonId when the user renames the traveller, so a match still set holds.
  const known = t.knownPersonId ? byId.get(t.knownPersonId) : undefined;
  if (known) return known;
  const certain = matcher.match(t.name, fullMentions(t)).certain;
  return certain ? (byId.get(certain.id) ?? null) : null;
}

export interface PersonCandidate {
  id: string;
  name: string;
  reason: MatchReason;
}

export interface ProposalPreview {
  /** The existing person the traveller will be linked to, or null for a new person. */
  person: { id: string; name: string } | null;
  /** Other people the traveller may be, for the review to offer ("link to X / create new"). */
  candidates: PersonCandidate[];
  /** An existing visit with the same traveller, country and start: the proposal will be skipped. */
  existingVisitId: string | null;
}

/**
 * The visits already recorded, to recognise a proposal for the same trip: same traveller, same
 * host country, and dates that could be the same (equal or overlapping starts, or a start unknown
 * on either side: "Obama will visit Indonesia" says nothing that tells it from the recorded trip).
 */
class KnownTrips {
  private readonly trips: (DuplicateKey & { id: string })[] = [];

  add(visit: DuplicateKey & { id: string }): void {
    this.trips.push(visit);
  }

  /** The recorded visit a proposal would duplicate (shared/model/duplicates.ts; undated is the same trip). */
  find(candidate: DuplicateKey): string | null {
    return duplicatesOf(candidate, this.trips, 'same')[0]?.id ?? null;
  }
}

async function knownTrips(personIds: readonly string[]): Promise<KnownTrips> {
  const trips = new KnownTrips();
  if (personIds.length === 0) return trips;
  const visits = await db.visits
    .where('travellerId')
    .anyOf([...personIds])
    .toArray();
  for (const v of visits) if (!v.deletedAt) trips.add(v);
  return trips;
}

async function livePeople(): Promise<Person[]> {
  return (await db.people.toArray()).filter((p) => !p.deletedAt);
}

/**
 * What saving would do, without writing: the duplicate source if the article is already kept,
 * and for each proposal the person it links to and the visit it would duplicate. Read-only.
 */
export async function previewArticleImport(
  text: string,
  proposals: readonly (Pick<ImportVisitProposal, 'traveller' | 'country' | 'start'> & { end?: FuzzyDate | null })[],
  alternateTexts: readonly string[] = [],
): Promise<{ duplicate: Source | null; rows: ProposalPreview[] }> {
  return db.transaction('r', [db.sources, db.people, db.visits], async () => {
    const duplicate = await findDuplicate([text, ...alternateTexts]);
    const people = await livePeople();
    const byId = new Map(people.map((p) => [p.id, p]));
    const matcher = new PeopleMatcher(people);
    const persons = proposals.map((p) => resolvePerson(p.traveller, matcher, byId));
    const trips = await knownTrips([...new Set(persons.flatMap((p) => (p ? [p.id] : [])))]);
    const rows = proposals.map((p, i): ProposalPreview => {
      const person = persons[i] ?? null;
      const m = matcher.match(p.traveller.name, fullMentions(p.traveller));
      const candidates = [...(m.certain ? [m.certain] : []), ...m.likely]
        .filter((c) => c.id !== person?.id)
        .flatMap((c) => {
          const found = byId.get(c.id);
          return found ? [{ id: c.id, name: found.name, reason: c.reason }] : [];
        });
      return {
        person: person ? { id: person.id, name: person.name } : null,
        candidates,
        existingVisitId: person
          ? trips.find({ travellerId: person.id, place: { country: p.country }, start: p.start, end: p.end ?? null })
          : null,
      };
    });
    return { duplicate, rows };
  });
}

/** The span as it stands in the text; a quote whose offsets drifted is found again, never guessed. */
function locate(text: string, span: { start: number; end: number; quote: string }): { start: number; end: number; quote: string } {
  if (span.quote !== '' && text.slice(span.start, span.end) === span.quote) return span;
  let best = -1;
  for (let i = text.indexOf(span.quote); i >= 0 && span.quote !== ''; i = text.indexOf(span.quote, i + 1)) {
    if (best < 0 || Math.abs(i - span.start) < Math.abs(best - span.start)) best = i;
  }
  if (best < 0) throw new ValidationError(`The evidence “${span.quote.slice(0, 80)}” is not in the article text.`);
  return { start: best, end: best + span.quote.length, quote: span.quote };
}

function uniqueNames(names: readonly string[], except: string): string[] {
  const seen = new Set([foldForExact(except)]);
  const out: string[] = [];
  for (const raw of names) {
    const n = raw.replace(/\s+/g, ' ').trim();
    const k = foldForExact(n);
    if (n === '' || n.length > 200 || seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out.slice(0, 50);
}

function newPerson(t: ImportTraveller): Person {
  const now = clock.now();
  const title = t.title?.trim() ?? '';
  const r = personSchema.safeParse({
    id: clock.newId(),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    name: t.name.trim(),
    aliases: uniqueNames(t.mentions, t.name),
    // An over-long title is refused by the schema with the field named, not cut short unseen.
    roles: title ? [{ title, country: t.country, from: null, to: null }] : [],
    country: t.country,
    note: '',
  });
  if (!r.success) throw ValidationError.fromZod(r.error, `The traveller “${t.name}” cannot be saved`);
  return r.data;
}

function reasonOf(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > 2000 ? `${flat.slice(0, 1999)}…` : flat;
}

/**
 * A visit for a proposal: its history starts with the proposal's status; a postponed or cancelled
 * trip is recorded as planned first, then changed on the reference day with the sentence as the
 * reason, so that "why did this trip move, and who said so?" has its answer.
 */
function buildVisit(p: ImportVisitProposal, travellerId: string, sourceId: string, day: string, quote: string): Visit {
  const draft = {
    travellerId,
    place: placeFor(p.country, p.city),
    kind: 'unknown' as const,
    purpose: '',
    start: p.start,
    end: p.end,
    tags: [],
    hostIds: [],
  };
  const moved = requiresReason(p.status);
  let visit = createVisit({ ...draft, status: moved ? 'planned' : p.status }, clock, day, { sourceIds: [sourceId] });
  visit = { ...visit, statusHistory: visit.statusHistory.map((c) => ({ ...c, sourceId })) };
  if (moved) {
    const r = applyStatusChange(visit, { to: p.status, on: day, reason: reasonOf(quote), sourceId }, clock);
    if (!r.ok) throw new ValidationError(r.error);
    visit = r.value;
  }
  const checked = visitSchema.safeParse(visit);
  if (!checked.success) throw ValidationError.fromZod(checked.error, `The visit to ${p.country} cannot be saved`);
  return checked.data;
}

function buildEvidence(
  recordType: Evidence['recordType'],
  recordId: string,
  field: string,
  sourceId: string,
  span: { start: number; end: number; quote: string },
): Evidence {
  const now = clock.now();
  const e = { id: clock.newId(), createdAt: now, updatedAt: now, deletedAt: null, recordType, recordId, field, sourceId, ...span };
  const r = evidenceSchema.safeParse(e);
  if (!r.success) throw ValidationError.fromZod(r.error, 'The evidence cannot be saved');
  return r.data;
}

/**
 * Saves an import: the Source, the new people, the visits and their evidence, in one transaction.
 * Refused with DuplicateSourceError when the article is already a source, unless
 * `allowDuplicateSource`; proposals matching an existing live visit (same traveller, host country
 * and dates that could be the same: see KnownTrips) are never duplicated, whichever way (they are
 * reported in `skipped`). The accepted proposals are not merged with each other. Undo removes
 * every record the import created (soft delete), in one step.
 */
export async function saveArticleImport(
  request: ArticleImportRequest,
  options: { allowDuplicateSource?: boolean } = {},
): Promise<ArticleImportResult> {
  const text = request.text;
  if (text.trim() === '') throw new ValidationError('The article is empty: paste or open its text first.');
  if (request.proposals.length === 0) throw new ValidationError('Accept at least one proposed visit to save.');
  const day = request.source.publishedOn ?? localToday();
  const spans = request.proposals.map((p) => locate(text, p.evidence));
  const now = clock.now();
  const sourceCheck = sourceSchema.safeParse({
    id: clock.newId(),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    kind: 'article',
    title: request.source.title,
    publisher: request.source.publisher?.trim() || null,
    url: request.source.url?.trim() || null,
    datelinePlace: request.source.datelinePlace,
    publishedOn: request.source.publishedOn,
    text,
  });
  if (!sourceCheck.success) throw ValidationError.fromZod(sourceCheck.error, 'The source cannot be saved');
  const source = sourceCheck.data;

  const result = await db.transaction('rw', [db.sources, db.people, db.visits, db.evidence], async (): Promise<ArticleImportResult> => {
    const duplicate = await findDuplicate([text, ...(request.alternateTexts ?? [])]);
    if (duplicate && !options.allowDuplicateSource) throw new DuplicateSourceError(duplicate);
    const people = await livePeople();
    const byId = new Map(people.map((p) => [p.id, p]));
    const matcher = new PeopleMatcher(people);
    const created = new Map<string, Person>();
    const linked = new Map<string, Person>();
    const travellerIds = request.proposals.map((p) => {
      const existing = resolvePerson(p.traveller, matcher, byId);
      if (existing) {
        linked.set(existing.id, existing);
        return existing.id;
      }
      const key = foldForExact(p.traveller.name);
      let person = created.get(key);
      if (!person) {
        person = newPerson(p.traveller);
        created.set(key, person);
      }
      return person.id;
    });
    const trips = await knownTrips([...linked.keys()]);
    const visits: Visit[] = [];
    const evidence: Evidence[] = [];
    const skipped: SkippedProposal[] = [];
    request.proposals.forEach((p, i) => {
      const travellerId = travellerIds[i]!;
      const span = spans[i]!;
      const existingVisitId = trips.find({ travellerId, place: { country: p.country }, start: p.start, end: p.end });
      if (existingVisitId) {
        skipped.push({ index: i, existingVisitId });
        return;
      }
      const visit = buildVisit(p, travellerId, source.id, day, span.quote);
      visits.push(visit);
      evidence.push(buildEvidence('visit', visit.id, 'status', source.id, span));
      evidence.push(buildEvidence('visit', visit.id, 'place', source.id, span));
      if (visit.start) evidence.push(buildEvidence('visit', visit.id, 'start', source.id, span));
      const change = visit.statusHistory[visit.statusHistory.length - 1];
      if (visit.statusHistory.length > 1 && change) evidence.push(buildEvidence('statusChange', change.id, 'status', source.id, span));
    });
    // People whose every visit was skipped are not created.
    const used = new Set(visits.map((v) => v.travellerId));
    const createdPeople = [...created.values()].filter((p) => used.has(p.id));
    await assertIntegrity(db, [
      { table: 'sources', record: source },
      ...createdPeople.map((record): IntegrityWrite => ({ table: 'people', record })),
      ...visits.map((record): IntegrityWrite => ({ table: 'visits', record })),
      ...evidence.map((record): IntegrityWrite => ({ table: 'evidence', record })),
    ]);
    await db.sources.add(source);
    if (createdPeople.length) await db.people.bulkAdd(createdPeople);
    if (visits.length) await db.visits.bulkAdd(visits);
    if (evidence.length) await db.evidence.bulkAdd(evidence);
    return { source, visits, createdPeople, linkedPeople: [...linked.values()].filter((p) => used.has(p.id)), evidence, skipped };
  });

  const ids = {
    source: result.source.id,
    people: result.createdPeople.map((p) => p.id),
    visits: result.visits.map((v) => v.id),
    evidence: result.evidence.map((e) => e.id),
  };
  pushUndo({
    label: 'Import article',
    revert: () =>
      db.transaction('rw', [db.sources, db.people, db.visits, db.evidence], async () => {
        const at = clock.now();
        const gone = { deletedAt: at, updatedAt: at };
        await db.sources.update(ids.source, gone);
        await Promise.all([
          ...ids.people.map((id) => db.people.update(id, gone)),
          ...ids.visits.map((id) => db.visits.update(id, gone)),
          ...ids.evidence.map((id) => db.evidence.update(id, gone)),
        ]);
      }),
  });
  return result;
}
