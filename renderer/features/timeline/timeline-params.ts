import { isValidDay } from '../../../shared/model';
import { DEFAULT_ZOOM, clampDay, clampZoom, type LaneBy } from '../../../shared/timeline';

/**
 * The Timeline's own URL parameters (the visit filter uses status/country/traveller/from/to):
 * `at` the centre day, `zoom` the zoom level (index of ZOOM_SPANS), `by` the lanes. Anything
 * malformed is ignored. Pure, so it is unit-tested.
 */
export interface TimelineParams {
  at: string | null;
  zoom: number;
  by: LaneBy;
}

export function timelineParamsFrom(sp: URLSearchParams): TimelineParams {
  const at = sp.get('at');
  const zoomText = sp.get('zoom');
  const zoom = zoomText !== null && /^\d{1,2}$/.test(zoomText) ? clampZoom(Number(zoomText)) : DEFAULT_ZOOM;
  return {
    at: at && isValidDay(at) ? clampDay(at) : null,
    zoom,
    by: sp.get('by') === 'country' ? 'country' : 'traveller',
  };
}

/** Writes the parameters into a copy of `base`, keeping the others (the filter). */
export function timelineParamsTo(p: Partial<TimelineParams>, base: URLSearchParams): URLSearchParams {
  const sp = new URLSearchParams(base);
  if (p.at !== undefined) {
    if (p.at) sp.set('at', p.at);
    else sp.delete('at');
  }
  if (p.zoom !== undefined) sp.set('zoom', String(clampZoom(p.zoom)));
  if (p.by !== undefined) {
    if (p.by === 'country') sp.set('by', 'country');
    else sp.delete('by');
  }
  return sp;
}
