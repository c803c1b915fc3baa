import { FACETS, type FacetSelection } from '../../../shared/search';

/** The search's state in the URL (`/search?q=kadhimi&status=postponed&type=visit`): back and forward replay it. */
export interface SearchParamsState {
  q: string;
  facets: FacetSelection;
}

export function readSearchParams(params: URLSearchParams): SearchParamsState {
  const facets: FacetSelection = {};
  for (const f of FACETS) {
    const values = params.getAll(f).filter((v) => v !== '');
    if (values.length > 0) facets[f] = values;
  }
  return { q: params.get('q') ?? '', facets };
}

export function writeSearchParams(state: SearchParamsState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q !== '') params.set('q', state.q);
  for (const f of FACETS) for (const v of state.facets[f] ?? []) params.append(f, v);
  return params;
}

/** The route that opens search with a query, focus in the box (for Ctrl/Cmd+F and Ctrl/Cmd+K). */
export function searchRoute(q = ''): string {
  const params = writeSearchParams({ q, facets: {} }).toString();
  return params ? `/search?${params}` : '/search';
}
