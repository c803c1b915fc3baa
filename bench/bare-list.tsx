/**
 * The scroll benchmark's baseline: a bare virtualised list (@tanstack/react-virtual, the library
 * the Visits list uses) of the same rows as the app's list (traveller → place, dates, status,
 * kind), all held in memory, with the same row height. No routing, no live queries, no styles.
 */
import { useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { useVirtualizer } from '@tanstack/react-virtual';
import { db } from '../renderer/db/instance';

const ROW_HEIGHT = Number(new URLSearchParams(location.search).get('h') ?? 56);

interface Row {
  id: string;
  label: string;
  purpose: string;
  dates: string;
  status: string;
  kind: string;
}

function List({ rows }: { rows: Row[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => ref.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = v.getVirtualItems();
  return (
    <div ref={ref} className="bare-scroller" style={{ height: '100vh', overflow: 'auto' }}>
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {items.map((it) => {
          const r = rows[it.index];
          return (
            <div
              key={it.key}
              style={{ position: 'absolute', top: it.start, height: ROW_HEIGHT, left: 0, right: 0, display: 'flex', gap: 16 }}
            >
              <div style={{ flex: 1, overflow: 'hidden' }}>
                <a href={`#${r?.id ?? ''}`}>{r?.label}</a>
                <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{r?.purpose}</div>
              </div>
              <div style={{ width: 220 }}>{r?.dates}</div>
              <div style={{ width: 100 }}>{r?.status}</div>
              <div style={{ width: 100 }}>{r?.kind}</div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

async function main(): Promise<void> {
  const [visits, people] = await Promise.all([db.visits.orderBy('startKey').reverse().toArray(), db.people.toArray()]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const rows: Row[] = visits.map((v) => ({
    id: v.id,
    label: `${names.get(v.travellerId) ?? 'Unknown traveller'} → ${v.place.city ? `${v.place.city}, ` : ''}${v.place.country}`,
    purpose: v.purpose,
    dates: `${v.start?.from ?? ''} – ${v.end?.to ?? ''}`,
    status: v.status,
    kind: v.kind,
  }));
  const el = document.getElementById('root');
  if (!el) return;
  createRoot(el).render(<List rows={rows} />);
  document.title = `Bare list (${rows.length} rows)`;
}

void main();
