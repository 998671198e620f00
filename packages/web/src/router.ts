import { useEffect, useState } from 'react';

/** The views, in the order of the navigation bar. Hash routes keep the server's job to one static index.html. */
export const VIEWS = [
  { id: 'map', label: 'Map' },
  { id: 'council', label: 'Council room' },
  { id: 'power', label: 'Power lab' },
  { id: 'compare', label: 'Compare' },
  { id: 'crisis', label: 'Crises' },
  { id: 'disputes', label: 'Disputes' },
  { id: 'charters', label: 'Charters' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export interface Route {
  view: ViewId;
  /** Query parameters after the view, e.g. `#/map?date=2009-06-24&colour=nato`. */
  params: URLSearchParams;
  /** What follows the view in the path, e.g. the case id in `#/disputes/12` ('' when nothing does). */
  item: string;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first = '', ...rest] = path.split('/');
  const known = VIEWS.find((v) => v.id === first)?.id;
  return {
    view: known ?? 'map',
    params: new URLSearchParams(query),
    item: known ? decodeURIComponent(rest.join('/')) : '',
  };
}

export function routeHref(view: ViewId, params?: Record<string, string>, item?: string): string {
  const q = params ? new URLSearchParams(params).toString() : '';
  return `#/${view}${item ? `/${encodeURIComponent(item)}` : ''}${q ? `?${q}` : ''}`;
}

/** Replaces the current route's parameters without adding a history entry (sliders, selects). */
export function replaceParams(view: ViewId, params: Record<string, string>, item?: string): void {
  history.replaceState(null, '', routeHref(view, params, item));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
