import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { AggregatedRoute, RouteEnd } from '../../../shared/geo';
import { baseMap, MAP_HEIGHT, MAP_WIDTH, projectPoint, routeMidpoint, routePath } from './geometry';

export interface DrawnRoute {
  route: AggregatedRoute;
  /** Where activating the route goes: the visit, or the Visits list filtered to the route. */
  href: string;
  /** What the route says to a screen reader. */
  label: string;
  /** The tooltip's first line: "Baghdad, Iraq → Tehran, Iran". */
  heading: string;
  /** The tooltip's lines. */
  details: string[];
}

interface View {
  k: number;
  x: number;
  y: number;
}

const HOME: View = { k: 1, x: 0, y: 0 };
const MIN_ZOOM = 1;
const MAX_ZOOM = 12;

function clampView(v: View): View {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k));
  // Keep the map covering the frame: no panning the world out of sight.
  const x = Math.min(0, Math.max(MAP_WIDTH * (1 - k), v.x));
  const y = Math.min(0, Math.max(MAP_HEIGHT * (1 - k), v.y));
  return { k, x, y };
}

/** Zoom by `factor` keeping the point (cx, cy) (map units) where it is. */
function zoomAt(v: View, factor: number, cx = MAP_WIDTH / 2, cy = MAP_HEIGHT / 2): View {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
  const f = k / v.k;
  return clampView({ k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f });
}

function strokeWidth(count: number): number {
  return Math.min(6.5, 1.5 + 0.9 * Math.log2(count));
}

/**
 * The offline world map: Natural Earth countries (bundled), routes as great-circle paths coloured
 * by status. Every route is an SVG link (Tab reaches it, Enter opens it) labelled in words; hover
 * or focus shows its tooltip. Zoom and pan: the buttons, the mouse wheel, dragging, or the keys
 * + − 0 and the arrows while the map has focus.
 */
export function WorldMap({ routes, title }: { routes: DrawnRoute[]; title: string }) {
  const base = useMemo(() => baseMap(), []);
  const [view, setView] = useState<View>(HOME);
  // `byFocus`: the tooltip follows keyboard focus, and a mouse that has not moved does not take it.
  const [active, setActive] = useState<{ key: string; x: number; y: number; w: number; byFocus?: boolean } | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<{ px: number; py: number; view: View; moved: boolean } | null>(null);

  const paths = useMemo(() => routes.map((r) => ({ ...r, d: routePath(r.route.from, r.route.to) })), [routes]);
  const points = useMemo(() => {
    const ends = new Map<string, { end: RouteEnd; destination: boolean }>();
    for (const r of routes) {
      if (!ends.has(r.route.from.key)) ends.set(r.route.from.key, { end: r.route.from, destination: false });
      ends.set(r.route.to.key, { end: r.route.to, destination: true });
    }
    return [...ends.values()].flatMap((p) => {
      const xy = projectPoint(p.end);
      return xy ? [{ ...p, xy }] : [];
    });
  }, [routes]);

  // The wheel zooms the map, not the page: a non-passive listener (React's onWheel is passive).
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const cx = ((e.clientX - rect.left) / rect.width) * MAP_WIDTH;
      const cy = ((e.clientY - rect.top) / rect.height) * MAP_HEIGHT;
      setView((v) => zoomAt(v, e.deltaY < 0 ? 1.25 : 0.8, cx, cy));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = 60;
    const pan = (dx: number, dy: number) => setView((v) => clampView({ ...v, x: v.x + dx, y: v.y + dy }));
    switch (e.key) {
      case '+':
      case '=':
        setView((v) => zoomAt(v, 1.5));
        break;
      case '-':
      case '_':
        setView((v) => zoomAt(v, 1 / 1.5));
        break;
      case '0':
        setView(HOME);
        break;
      case 'ArrowLeft':
        pan(step, 0);
        break;
      case 'ArrowRight':
        pan(-step, 0);
        break;
      case 'ArrowUp':
        pan(0, step);
        break;
      case 'ArrowDown':
        pan(0, -step);
        break;
      case 'Escape':
        setActive(null);
        return;
      default:
        return;
    }
    e.preventDefault();
  };

  const local = (clientX: number, clientY: number) => {
    const rect = frame.current?.getBoundingClientRect();
    return rect ? { x: clientX - rect.left, y: clientY - rect.top, w: rect.width } : { x: 0, y: 0, w: 600 };
  };

  /** The mouse is over a route. Chromium also sends mouse events when the page moves under a
   *  resting pointer (a re-render, a scroll): those have no movement, and they must not take the
   *  tooltip away from the route the user just reached with the keyboard. */
  const hover = (e: ReactMouseEvent, key: string) => {
    const still = e.movementX === 0 && e.movementY === 0;
    const at = local(e.clientX, e.clientY);
    setActive((a) => (still && a?.byFocus ? a : { key, ...at }));
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    drag.current = { px: e.clientX, py: e.clientY, view, moved: false };
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || !svg.current) return;
    const dx = e.clientX - d.px;
    const dy = e.clientY - d.py;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) svg.current.setPointerCapture(e.pointerId);
    d.moved = true;
    const rect = svg.current.getBoundingClientRect();
    const scale = MAP_WIDTH / rect.width;
    setView(clampView({ ...d.view, x: d.view.x + dx * scale, y: d.view.y + dy * scale }));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const activeRoute = active ? paths.find((p) => p.route.key === active.key) : undefined;
  const tooltipId = 'map-tooltip';

  return (
    <div className="world-map" ref={frame} onKeyDown={onKeyDown}>
      <div className="map-zoom" role="group" aria-label="Zoom">
        <button type="button" onClick={() => setView((v) => zoomAt(v, 1.5))} aria-label="Zoom in" title="Zoom in (+)">
          +
        </button>
        <button type="button" onClick={() => setView((v) => zoomAt(v, 1 / 1.5))} aria-label="Zoom out" title="Zoom out (−)">
          −
        </button>
        <button type="button" onClick={() => setView(HOME)} title="Whole world (0)">
          Reset
        </button>
      </div>
      <svg
        ref={svg}
        className="map-svg"
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="group"
        aria-label={title}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        data-zoom={view.k.toFixed(2)}
      >
        <g transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          <g aria-hidden="true">
            <path className="map-sphere" d={base.sphere} />
            <path className="map-graticule" d={base.graticule} />
            {base.countries.map((c) => (
              <path key={c.id} className="map-country" d={c.d}>
                <title>{c.name}</title>
              </path>
            ))}
          </g>
          <g className={routes.length > 40 ? 'map-routes map-routes-many' : 'map-routes'}>
            {paths.map((p) => (
              <a
                key={p.route.key}
                href={p.href}
                className={`route route-${p.route.status}${active?.key === p.route.key ? ' route-active' : ''}`}
                data-route={p.route.key}
                data-status={p.route.status}
                data-count={p.route.count}
                data-from={p.route.from.label}
                data-to={p.route.to.label}
                aria-label={p.label}
                aria-describedby={active?.key === p.route.key ? tooltipId : undefined}
                onMouseEnter={(e) => hover(e, p.route.key)}
                onMouseMove={(e) => hover(e, p.route.key)}
                onMouseLeave={() => setActive((a) => (a?.key === p.route.key ? null : a))}
                onFocus={() => {
                  const mid = routeMidpoint(p.route.from, p.route.to);
                  const rect = svg.current?.getBoundingClientRect();
                  const frameRect = frame.current?.getBoundingClientRect();
                  if (mid && rect && frameRect) {
                    const s = rect.width / MAP_WIDTH;
                    setActive({
                      key: p.route.key,
                      x: rect.left - frameRect.left + (mid[0] * view.k + view.x) * s,
                      y: rect.top - frameRect.top + (mid[1] * view.k + view.y) * s,
                      w: frameRect.width,
                      byFocus: true,
                    });
                  } else setActive({ key: p.route.key, x: 16, y: 16, w: 600, byFocus: true });
                }}
                onBlur={() => setActive((a) => (a?.key === p.route.key ? null : a))}
                onClick={(e) => {
                  // A drag that ends on a route is a pan, not a click.
                  if (drag.current?.moved) e.preventDefault();
                }}
              >
                <path className="route-hit" d={p.d} />
                <path className="route-line" d={p.d} style={{ strokeWidth: strokeWidth(p.route.count) }} />
              </a>
            ))}
          </g>
          <g aria-hidden="true">
            {points.map((p) => (
              <circle
                key={p.end.key}
                className={p.destination ? 'map-point map-point-destination' : 'map-point'}
                cx={p.xy[0]}
                cy={p.xy[1]}
                r={(p.destination ? 3 : 4) / Math.sqrt(view.k)}
              />
            ))}
          </g>
        </g>
      </svg>
      {activeRoute && active && (
        <div
          id={tooltipId}
          role="tooltip"
          className="map-tooltip"
          style={{
            left: Math.min(active.x + 14, active.w - 310),
            top: active.y + 14,
          }}
        >
          <strong>{activeRoute.heading}</strong>
          <span className={`status status-${activeRoute.route.status}`}>{activeRoute.route.status}</span>
          {activeRoute.details.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
    </div>
  );
}
