import { useEffect, useState } from 'react';

/** The views, in the order of the navigation bar. Hash routes keep the server's job to one static index.html. */
export const VIEWS = [
  { id: 'map', label: 'Map' },
  { id: 'council', label: 'Council room' },
  { id: 'power', label: 'Power lab' },
  { id: 'compare', label: 'Compare' },
  { id: 'crisis', label: 'Crises' },
  { id: 'charters', label: 'Charters' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

export interface Route {
  view: ViewId;
  /** Query parameters after the view, e.g. `#/map?date=2009-06-24&colour=nato`. */
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const view = VIEWS.find((v) => v.id === path)?.id ?? 'map';
  return { view, params: new URLSearchParams(query) };
}

export function routeHref(view: ViewId, params?: Record<string, string>): string {
  const q = params ? new URLSearchParams(params).toString() : '';
  return `#/${view}${q ? `?${q}` : ''}`;
}

/** Replaces the current route's parameters without adding a history entry (sliders, selects). */
export function replaceParams(view: ViewId, params: Record<string, string>): void {
  history.replaceState(null, '', routeHref(view, params));
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
