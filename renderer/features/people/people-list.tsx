import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState, useToast } from '../../components';
import { listPossibleDuplicates, pushUndo, useQuery, useViewSetting, type DuplicateCandidate } from '../../db';
import { listPeopleRows } from './people-data';
import { MergeDialog, type MergeChoice } from './merge-dialog';
import { currentRole, roleLabel } from './person-draft';
import './people.css';

const REASON_LABEL: Record<DuplicateCandidate['reason'], string> = {
  'same name': 'same name',
  alias: 'a name is the other’s alias',
  'middle initial': 'same name but for a middle initial',
  'spelling variant': 'given name and surname alike (spelling or middle names differ)',
};

/** One key per pair, whichever way round it is listed. */
const pairKey = (d: Pick<DuplicateCandidate, 'a' | 'b'>) => [d.a.id, d.b.id].sort().join(' ');
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The pairs the user said are two people ("Not the same person"): remembered in this profile's view
 * settings, so they stay out of Possible duplicates after a reload, and can be put back.
 */
function useDismissedPairs(candidates: readonly DuplicateCandidate[] | undefined) {
  const toast = useToast();
  const stored = useViewSetting<string[]>('people.not-duplicates', [], isStringArray);
  const dismissed = useMemo(() => new Set(stored.value), [stored.value]);
  const save = (next: Set<string>, message: string) => {
    const before = stored.value;
    // Pairs no longer among the candidates (merged, renamed, deleted) are let go: the list stays small.
    const live = candidates ? new Set(candidates.map(pairKey)) : null;
    const kept = [...next].filter((k) => !live || live.has(k));
    stored.set(kept).then(
      () => {
        pushUndo({ label: message, revert: () => stored.set(before) });
        toast.notify(message, { undo: true });
      },
      (e: unknown) => toast.fail(e),
    );
  };
  return {
    dismissed,
    loaded: stored.loaded,
    dismiss: (d: DuplicateCandidate) => save(new Set(dismissed).add(pairKey(d)), `${d.a.name} and ${d.b.name} marked as two people`),
    restore: (d: DuplicateCandidate) => {
      const next = new Set(dismissed);
      next.delete(pairKey(d));
      save(next, `${d.a.name} and ${d.b.name} are back among the possible duplicates`);
    },
  };
}

/** The People screen: everyone recorded, found by any spelling of their name; merging people who are one. */
export function PeopleList() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [merging, setMerging] = useState<MergeChoice[] | null>(null);
  const [showDuplicates, setShowDuplicates] = useState(false);
  const { data, error, isLoading } = useQuery(() => listPeopleRows(query), [query]);
  const duplicates = useQuery(() => listPossibleDuplicates(), []);
  // Choices stay while the find box changes, so people found by two searches can be merged.
  const [chosenRows, setChosenRows] = useState<ReadonlyMap<string, MergeChoice>>(new Map());

  const toggle = (choice: MergeChoice) => {
    const id = choice.person.id;
    const next = new Set(chosen);
    const rows = new Map(chosenRows);
    if (next.has(id)) {
      next.delete(id);
      rows.delete(id);
    } else {
      next.add(id);
      rows.set(id, choice);
    }
    setChosen(next);
    setChosenRows(rows);
  };
  const clearChoice = () => {
    setChosen(new Set());
    setChosenRows(new Map());
  };
  // The people as the list shows them now (a newer version when edited since they were ticked).
  const current = (id: string): MergeChoice | undefined => {
    const row = data?.find((r) => r.person.id === id);
    return row ? { person: row.person, visits: row.visitCount } : chosenRows.get(id);
  };
  const notSame = useDismissedPairs(duplicates.data);
  const allPairs = duplicates.data ?? [];
  const pairs = allPairs.filter((d) => !notSame.dismissed.has(pairKey(d)));
  const dismissedPairs = allPairs.filter((d) => notSame.dismissed.has(pairKey(d)));
  // A pair marked as two people leaves the list: the keyboard goes to the pair that takes its place
  // (or the heading when none is left), not back to the top of the page.
  const duplicatesPanel = useRef<HTMLElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    const row = focusRow.current;
    if (row === null) return;
    focusRow.current = null;
    const panel = duplicatesPanel.current;
    const rows = panel?.querySelectorAll<HTMLElement>('ul[aria-label="Possible duplicates"] > li');
    const target = rows?.[Math.min(row, rows.length - 1)]?.querySelector<HTMLElement>('button') ?? panel?.querySelector('h2');
    target?.focus();
  }, [pairs.length]);

  return (
    <section>
      <div className="page-head">
        <h1>People</h1>
        <button type="button" className="primary" onClick={() => void navigate('/people/new')}>
          New person
        </button>
      </div>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="people-find">Find people</label>
          <input id="people-find" type="search" value={query} placeholder="Name or alias" onChange={(e) => setQuery(e.target.value)} />
        </div>
        <div className="people-merge-bar">
          <button
            type="button"
            disabled={chosen.size < 2}
            onClick={() => setMerging([...chosen].map(current).filter((c): c is MergeChoice => !!c))}
          >
            Merge chosen people{chosen.size > 0 ? ` (${chosen.size})` : ''}
          </button>
          {chosen.size > 0 && (
            <button type="button" className="link-button" onClick={clearChoice}>
              Clear choice
            </button>
          )}
          <button
            type="button"
            aria-expanded={showDuplicates}
            aria-controls="people-duplicates"
            onClick={() => setShowDuplicates(!showDuplicates)}
          >
            Possible duplicates{duplicates.data && notSame.loaded ? ` (${pairs.length.toLocaleString('en')})` : ''}
          </button>
        </div>
      </div>
      {showDuplicates && (
        <section ref={duplicatesPanel} id="people-duplicates" className="panel people-duplicates" aria-labelledby="people-duplicates-h">
          <h2 id="people-duplicates-h" tabIndex={-1}>
            Possible duplicates
          </h2>
          {duplicates.error ? (
            <p className="form-error" role="alert">
              {duplicates.error.message}
            </p>
          ) : !duplicates.data || !notSame.loaded ? (
            <p className="muted">Comparing names…</p>
          ) : (
            <>
              {pairs.length === 0 ? (
                <p className="muted">No two people look like the same person.</p>
              ) : (
                <>
                  <p className="muted">
                    People whose names may be one person’s, the likeliest first. Merge a pair to keep one record; if they are two people,
                    say so and the pair is not offered again.
                  </p>
                  <ul className="duplicate-list" aria-label="Possible duplicates">
                    {pairs.slice(0, 200).map((d, i) => (
                      <li key={pairKey(d)}>
                        <span>
                          <Link to={`/people/${d.a.id}`}>{d.a.name}</Link> <span className="muted">({d.visits[0]})</span> and{' '}
                          <Link to={`/people/${d.b.id}`}>{d.b.name}</Link> <span className="muted">({d.visits[1]})</span>
                          <span className="duplicate-reason muted"> — {REASON_LABEL[d.reason]}</span>
                        </span>
                        <span className="duplicate-actions">
                          <button
                            type="button"
                            aria-label={`Merge ${d.a.name} and ${d.b.name}`}
                            onClick={() =>
                              setMerging([
                                { person: d.a, visits: d.visits[0] },
                                { person: d.b, visits: d.visits[1] },
                              ])
                            }
                          >
                            Merge…
                          </button>
                          <button
                            type="button"
                            aria-label={`Not the same person: ${d.a.name} and ${d.b.name}`}
                            onClick={() => {
                              notSame.dismiss(d);
                              focusRow.current = i;
                            }}
                          >
                            Not the same person
                          </button>
                        </span>
                      </li>
                    ))}
                  </ul>
                  {pairs.length > 200 && (
                    <p className="muted">
                      The first 200 of {pairs.length.toLocaleString('en')} are shown; merge some, or mark them as two people, to see the
                      rest.
                    </p>
                  )}
                </>
              )}
              {dismissedPairs.length > 0 && (
                <details className="duplicates-dismissed">
                  <summary>Marked as two people ({dismissedPairs.length.toLocaleString('en')})</summary>
                  <ul className="duplicate-list" aria-label="Marked as two people">
                    {dismissedPairs.map((d) => (
                      <li key={pairKey(d)}>
                        <span>
                          <Link to={`/people/${d.a.id}`}>{d.a.name}</Link> and <Link to={`/people/${d.b.id}`}>{d.b.name}</Link>
                        </span>
                        <button
                          type="button"
                          aria-label={`Restore ${d.a.name} and ${d.b.name} to the possible duplicates`}
                          onClick={() => notSame.restore(d)}
                        >
                          Restore
                        </button>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          )}
        </section>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {isLoading && !data ? (
        <p className="muted">Loading people…</p>
      ) : data && data.length === 0 ? (
        <EmptyState title={query ? `Nobody matches “${query}”` : 'No people yet'}>
          <p>{query ? 'Try another spelling, or add the person.' : 'Add the people whose visits you follow.'}</p>
        </EmptyState>
      ) : (
        <table aria-label="People">
          <thead>
            <tr>
              <th scope="col" className="people-choose">
                <span className="visually-hidden">Choose</span>
              </th>
              <th scope="col">Name</th>
              <th scope="col">Also written</th>
              <th scope="col">Current role</th>
              <th scope="col" className="num">
                Visits
              </th>
            </tr>
          </thead>
          <tbody>
            {data?.map(({ person, visitCount }) => {
              const current = currentRole(person.roles);
              return (
                <tr key={person.id}>
                  <td className="people-choose">
                    <input
                      type="checkbox"
                      aria-label={`Choose ${person.name}`}
                      checked={chosen.has(person.id)}
                      onChange={() => toggle({ person, visits: visitCount })}
                    />
                  </td>
                  <td>
                    <Link to={`/people/${person.id}`}>{person.name}</Link>
                  </td>
                  <td className="muted">{person.aliases.join(', ')}</td>
                  <td>
                    {current ? (
                      <>
                        {roleLabel(current.role)}
                        {current.former && <span className="muted"> (until {current.role.to})</span>}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="num">{visitCount}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <MergeDialog
        choices={merging}
        onClose={() => setMerging(null)}
        onMerged={() => {
          setMerging(null);
          clearChoice();
        }}
      />
    </section>
  );
}
