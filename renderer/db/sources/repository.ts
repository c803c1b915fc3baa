import { sourceSchema, type Source } from '../../../shared/model';
import { NotFoundError, ValidationError } from '../errors';
import { clock, db } from '../instance';
import { assertIntegrity } from '../integrity';
import { pushUndo } from '../undo';
import { expectVersion, nextVersion, putBack } from '../version';

export type SourceDraft = Pick<Source, 'kind' | 'title' | 'publisher' | 'url' | 'datelinePlace' | 'publishedOn' | 'text'>;

export async function listSources(): Promise<Source[]> {
  const all = await db.sources.orderBy('publishedOn').reverse().toArray();
  return all.filter((s) => !s.deletedAt);
}

export async function getSource(id: string): Promise<Source | undefined> {
  const s = await db.sources.get(id);
  return s && !s.deletedAt ? s : undefined;
}

function check(s: Source): Source {
  const r = sourceSchema.safeParse(s);
  if (!r.success) throw ValidationError.fromZod(r.error, 'The source cannot be saved');
  return r.data;
}

export async function createSource(draft: SourceDraft): Promise<Source> {
  const now = clock.now();
  const source = check({ ...draft, id: clock.newId(), createdAt: now, updatedAt: now, deletedAt: null });
  await db.transaction('rw', db.sources, async () => {
    await assertIntegrity(db, [{ table: 'sources', record: source }]);
    await db.sources.add(source);
  });
  pushUndo({
    label: 'Create source',
    revert: async () => void (await db.sources.update(source.id, { deletedAt: clock.now(), updatedAt: clock.now() })),
  });
  return source;
}

/**
 * Edits a source's description (title, publisher, URL, date). The text is not editable once
 * evidence quotes it: the offsets would no longer point at the quoted words. `version` is the
 * `updatedAt` the form started from: a source changed since (in another window) is not
 * overwritten; a ConflictError carries it as stored now (see version.ts). Transactional; undoable
 * (a versioned undo).
 */
export async function updateSource(id: string, patch: Partial<Omit<SourceDraft, 'text'>>, version: string): Promise<Source> {
  let before: Source | undefined;
  let after: Source | undefined;
  await db.transaction('rw', db.sources, async () => {
    before = await db.sources.get(id);
    if (!before || before.deletedAt) throw new NotFoundError('Source', id);
    expectVersion('Source', before, version);
    after = check({ ...before, ...patch, updatedAt: nextVersion(clock, before.updatedAt) });
    await assertIntegrity(db, [{ table: 'sources', record: after, before }]);
    await db.sources.put(after);
  });
  const prev = before!;
  const saved = after!;
  pushUndo({ label: 'Edit source', revert: () => putBack(db.sources, 'Source', prev, saved.updatedAt) });
  return saved;
}
