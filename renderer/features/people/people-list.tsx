import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components';
import { listPeopleRows, useQuery } from '../../db';
import { currentRole, roleLabel } from './person-draft';

/** The People screen: everyone recorded, found by any spelling of their name. */
export function PeopleList() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const { data, error, isLoading } = useQuery(() => listPeopleRows(query), [query]);
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
      </div>
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
    </section>
  );
}
