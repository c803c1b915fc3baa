import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../components';
import { useQuery } from '../../db';
import { listSourceRows } from './sources-data';
import { datelineLabel, publishedLabel } from './source-format';

/** The Sources screen: every article kept for offline reading, with how much evidence it gives. */
export function SourcesList() {
  const navigate = useNavigate();
  const { data, error, isLoading } = useQuery(() => listSourceRows(), []);
  return (
    <section>
      <div className="page-head">
        <h1>Sources</h1>
        <button type="button" className="primary" onClick={() => void navigate('/sources/new')}>
          New source
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {isLoading ? (
        <p className="muted">Loading sources…</p>
      ) : !data || data.length === 0 ? (
        <EmptyState title="No sources yet">
          <p>Paste an article with “New source” to keep it for offline reading and quote it as evidence.</p>
        </EmptyState>
      ) : (
        <table aria-label="Sources">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Publisher</th>
              <th scope="col">Dateline</th>
              <th scope="col">Published</th>
              <th scope="col" className="num nowrap">
                Evidence quotes
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map(({ source, evidenceCount }) => (
              <tr key={source.id}>
                <td>
                  <Link to={`/sources/${source.id}`}>{source.title}</Link>
                </td>
                <td>{source.publisher ? source.publisher : <span className="muted">publisher unknown</span>}</td>
                <td className="nowrap">{datelineLabel(source.datelinePlace) || <span className="muted">—</span>}</td>
                <td className="nowrap">{publishedLabel(source)}</td>
                <td className="num">{evidenceCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
