import {
  noteTargetKey,
  type ContextEvent,
  type Evidence,
  type Meeting,
  type Note,
  type Person,
  type Source,
  type Visit,
} from '../model/schemas';
import { countryByCode, historicalCountry } from '../places';

/**
 * The integrity of a whole set of records, beyond what each record's schema can see: every
 * reference points at a record of the right table, note targets agree with their keys, country
 * codes are countries (today's or historical ones). One check, used by every path that takes in
 * many records at once (restore, the command line's merge and reports); each problem names the
 * table, the record and the field.
 */
export interface IntegrityTables {
  people: readonly Person[];
  sources: readonly Source[];
  visits: readonly Visit[];
  meetings: readonly Meeting[];
  events: readonly ContextEvent[];
  evidence: readonly Evidence[];
  notes: readonly Note[];
}

/** A country code Legation knows: one of today's, or a historical one such as SU or YU. */
function isKnownCountry(code: string): boolean {
  return countryByCode(code) !== null || historicalCountry(code) !== null;
}

export function checkIntegrity(t: IntegrityTables, limit = Infinity): string[] {
  const errors: string[] = [];
  const add = (message: string) => {
    if (errors.length < limit) errors.push(message);
  };
  const people = new Map(t.people.map((p) => [p.id, p]));
  const sources = new Map(t.sources.map((s) => [s.id, s]));
  const visits = new Set(t.visits.map((v) => v.id));
  const meetings = new Set(t.meetings.map((m) => m.id));
  const events = new Set(t.events.map((e) => e.id));
  const statusChanges = new Set(t.visits.flatMap((v) => v.statusHistory.map((c) => c.id)));

  const country = (where: string, field: string, code: string | null | undefined) => {
    if (code && !isKnownCountry(code)) add(`${where}: ${field} "${code}" is not a country code Legation knows.`);
  };
  const person = (where: string, field: string, id: string) => {
    if (!people.has(id)) add(`${where}: ${field} ${id} is not in the backup.`);
  };
  const source = (where: string, field: string, id: string) => {
    if (!sources.has(id)) add(`${where}: ${field} ${id} is not in the backup.`);
  };

  t.people.forEach((p, i) => {
    const where = `people[${i}] (person ${p.id})`;
    country(where, 'country', p.country);
    p.roles.forEach((r, k) => country(where, `role ${k + 1}'s country`, r.country));
  });
  t.visits.forEach((v, i) => {
    const where = `visits[${i}] (visit ${v.id})`;
    const traveller = people.get(v.travellerId);
    if (!traveller) add(`${where}: traveller ${v.travellerId} is not in the backup.`);
    else if (traveller.deletedAt && !v.deletedAt) add(`${where}: traveller ${v.travellerId} is deleted, but the visit is not.`);
    for (const id of v.delegationIds) person(where, 'delegation member', id);
    for (const id of v.hostIds) person(where, 'host', id);
    for (const id of v.sourceIds) source(where, 'source', id);
    v.statusHistory.forEach((c, k) => {
      if (c.sourceId) source(where, `status change ${k + 1}'s source`, c.sourceId);
    });
    country(where, 'host country', v.place.country);
  });
  t.meetings.forEach((m, i) => {
    const where = `meetings[${i}] (meeting ${m.id})`;
    if (m.visitId && !visits.has(m.visitId)) add(`${where}: visit ${m.visitId} is not in the backup.`);
    for (const id of m.participantIds) person(where, 'participant', id);
  });
  t.events.forEach((e, i) => {
    const where = `events[${i}] (event ${e.id})`;
    for (const id of e.personIds) person(where, 'person', id);
    for (const id of e.sourceIds) source(where, 'source', id);
    country(where, 'country', e.place?.country);
  });
  const targets: Record<Evidence['recordType'], Set<string> | Map<string, unknown>> = {
    visit: visits,
    person: people,
    meeting: meetings,
    event: events,
    statusChange: statusChanges,
  };
  t.evidence.forEach((e, i) => {
    const where = `evidence[${i}] (evidence ${e.id})`;
    if (!targets[e.recordType].has(e.recordId)) add(`${where}: the ${e.recordType} ${e.recordId} it supports is not in the backup.`);
    const src = sources.get(e.sourceId);
    if (!src) add(`${where}: source ${e.sourceId} is not in the backup.`);
    else if (src.text.slice(e.start, e.end) !== e.quote)
      add(`${where}: the quote is not found at characters ${e.start}–${e.end} of its source.`);
  });
  t.notes.forEach((n, i) => {
    const where = `notes[${i}] (note ${n.id})`;
    const key = noteTargetKey(n.target);
    if (n.targetKey !== key) add(`${where}: its target key "${n.targetKey}" does not match its target ("${key}").`);
    if (n.target && !(n.target.type === 'visit' ? visits : people).has(n.target.id))
      add(`${where}: the ${n.target.type} ${n.target.id} it is attached to is not in the backup.`);
  });
  return errors;
}
