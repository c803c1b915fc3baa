import { liveRecords, visitLabel, type Note, type NoteTarget, type Person, type Visit } from '../../../shared/model';
import { readTables } from '../../db';

/** The Notes list's read model: notes, last edited first, with what each is attached to (one transaction). */

export interface NoteRow {
  note: Note;
  /** What the note is attached to, in words; null for a free-standing note. */
  attachedTo: { label: string; route: string } | null;
}

function targetLabel(target: NoteTarget, people: Map<string, Person>, visits: Map<string, Visit>): NoteRow['attachedTo'] {
  if (!target) return null;
  if (target.type === 'person') {
    const p = people.get(target.id);
    return { label: p ? p.name : 'a deleted person', route: `/people/${target.id}` };
  }
  const v = visits.get(target.id);
  return { label: v ? `Visit: ${visitLabel(v, people.get(v.travellerId)?.name)}` : 'a deleted visit', route: `/visits/${target.id}` };
}

/** Notes, last edited first, with what each is attached to. */
export async function listNoteRows(): Promise<NoteRow[]> {
  return readTables(['notes', 'people', 'visits'], async (t) => {
    const notes = liveRecords(await t.notes.orderBy('updatedAt').reverse().toArray());
    const people = new Map((await t.people.toArray()).map((p) => [p.id, p]));
    const visits = new Map((await t.visits.toArray()).map((v) => [v.id, v]));
    return notes.map((note) => ({ note, attachedTo: targetLabel(note.target, people, visits) }));
  });
}
