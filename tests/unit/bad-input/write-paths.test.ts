import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateDataset } from '../../../shared/generate';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { clearUndo } from '../../../renderer/db/undo';
import { changeVisitStatus, createVisitFromDraft, deleteVisit, updateVisitFromDraft } from '../../../renderer/db/visits/repository';
import { createPerson, deletePerson, mergePeople, updatePerson } from '../../../renderer/db/people/repository';
import { createNote, setNoteTarget } from '../../../renderer/db/notes/repository';
import { createSource } from '../../../renderer/db/sources/repository';
import { acceptReconcileProposal, listReconcileProposals } from '../../../renderer/db/visits/reconcile';
import { saveArticleImport } from '../../../renderer/db/article-import';
import { saveDatasetImport } from '../../../renderer/db/dataset-import';
import { TABLE_NAMES } from '../../../shared/backup';

/**
 * The write cases of the bad-input corpus (tests/fixtures/bad/write, kind "write" in its
 * manifest): each is one of the app's write paths (a form's save, an import, a merge, an attach)
 * given a record that breaks an integrity rule. Each must be refused with a message naming the
 * table, the record and the field, and leave every table exactly as it was: nothing lost, nothing
 * changed. The database is the seeded one, on fake IndexedDB, as the app's own.
 */

interface Case {
  file: string;
  kind: string;
  message: string | null;
  where?: string;
  note?: string;
}

interface Step {
  call: string;
  args: unknown[];
}

interface WriteCase extends Step {
  about: string;
  setup?: Step[];
  dataset?: { visits: number; seed: number };
  patch?: Record<string, unknown>;
  batchSize?: number;
}

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/bad');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { cases: Case[] };
const cases = manifest.cases.filter((c) => c.kind === 'write').map((c) => [c.file, c] as const);

/** Every user table, whole, sorted by id: what must not change. */
async function snapshot(): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES)
    out[name] = (await db.table(name).toArray()).sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id));
  return JSON.stringify(out);
}

/** Sets `value` at a dotted path ("visits.2.place.country"). */
function setPath(target: unknown, dotted: string, value: unknown): void {
  const keys = dotted.split('.');
  let at = target as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[keys[keys.length - 1]!] = value;
}

/** The ids the setup made ($note, $person, $visit) and stored versions ($version:table:id). */
async function resolve(value: unknown, made: Record<string, string>): Promise<unknown> {
  if (typeof value === 'string') {
    const version = /^\$version:(\w+):(.+)$/.exec(value);
    if (version) {
      const id = (await resolve(version[2], made)) as string;
      return ((await db.table(version[1]!).get(id)) as { updatedAt: string }).updatedAt;
    }
    return value.startsWith('$') ? (made[value.slice(1)] ?? value) : value;
  }
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolve(v, made)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[(await resolve(k, made)) as string] = await resolve(v, made);
    return out;
  }
  return value;
}

type Call = (...args: never[]) => Promise<unknown>;
const CALLS: Record<string, Call> = {
  createVisitFromDraft,
  updateVisitFromDraft,
  changeVisitStatus,
  deleteVisit,
  createPerson,
  updatePerson,
  deletePerson,
  mergePeople,
  createNote,
  setNoteTarget,
  createSource,
  saveArticleImport,
  /** A record changed under the app (an older version's bug, a hand-edited profile), for a case's setup. */
  rawPatch: async (table: string, id: string, patch: object) => void (await db.table(table).update(id, patch)),
  /** Accepts the Reconcile screen's proposal for this planned and recorded visit. */
  acceptReconcile: async (plannedId: string, recordedId: string) => {
    const proposal = (await listReconcileProposals()).find((p) => p.plannedId === plannedId && p.recordedId === recordedId);
    if (!proposal) throw new Error('the case expects a proposal for these two visits');
    return acceptReconcileProposal(proposal);
  },
};

async function run(step: Step, made: Record<string, string>): Promise<unknown> {
  const fn = CALLS[step.call];
  if (!fn) throw new Error(`unknown call ${step.call}`);
  const args = (await resolve(step.args, made)) as never[];
  const result = await fn(...args);
  const id = (result as { id?: string } | undefined)?.id;
  if (id)
    made[
      step.call.includes('Note') ? 'note' : step.call.includes('Person') ? 'person' : step.call.includes('Source') ? 'source' : 'visit'
    ] = id;
  return result;
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

describe('write paths refuse what breaks an integrity rule, and change nothing', () => {
  it('has write cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', async (file, c) => {
    const w = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as WriteCase;
    const made: Record<string, string> = {};
    for (const step of w.setup ?? []) await run(step, made);
    const before = await snapshot();
    let attempt: Promise<unknown>;
    if (w.call === 'saveDatasetImport') {
      const data = generateDataset(w.dataset!);
      const records = { sources: data.sources, people: data.people, visits: data.visits };
      for (const [at, value] of Object.entries(w.patch ?? {})) setPath(records, at, value);
      attempt = saveDatasetImport(records, {
        metaKey: 'import:bad',
        label: 'Bad data set',
        importedAt: '2020-01-01T00:00:00.000Z',
        files: 1,
        warnings: 0,
        batchSize: w.batchSize ?? 1000,
      });
    } else {
      attempt = run(w, made);
    }
    const error = await attempt.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error, 'the write was accepted').not.toBeNull();
    expect(error!.message).toMatch(new RegExp(c.message!, 'i'));
    if (c.where) expect(error!.message).toContain(c.where);
    expect(error!.message).not.toMatch(/undefined|\[object/);
    if (w.call === 'saveDatasetImport' && (w.batchSize ?? 1000) < w.dataset!.visits) {
      // Earlier batches stay (they were whole and valid); the refused batch wrote nothing.
      const after = JSON.parse(await snapshot()) as Record<string, { id: string }[]>;
      const was = JSON.parse(before) as Record<string, { id: string }[]>;
      for (const name of TABLE_NAMES) {
        const now = new Set(after[name]!.map((r) => JSON.stringify(r)));
        for (const r of was[name]!) expect(now.has(JSON.stringify(r)), `${name} ${r.id} changed`).toBe(true);
      }
      // The record at fault was not written, nor anything of its batch.
      const bad = Number(/^visits\.(\d+)\./.exec(Object.keys(w.patch ?? {})[0] ?? '')?.[1]);
      const data = generateDataset(w.dataset!);
      if (Number.isInteger(bad)) expect(await db.visits.get(data.visits[bad]!.id)).toBeUndefined();
    } else {
      expect(await snapshot()).toBe(before);
    }
  });
});
