import { useEffect, useState } from 'react';
import { ApiError, api } from '../api.ts';
import { loginHint } from '../council/loginHint.ts';
import type { AreaCoverage, ChangeView, ServerRegistry, ViolationView, ZoneView } from './territory.ts';

export type TerritoryKit = typeof import('./territory.ts');

let loading: Promise<TerritoryKit> | undefined;

/** The territory layer's code and contested-area list: a separate chunk, fetched when the layer is chosen. */
function loadTerritoryKit(): Promise<TerritoryKit> {
  loading ??= import('./territory.ts');
  return loading;
}

export interface TerritoryState {
  kit?: TerritoryKit;
  /** Zones, accepted changes and violations of the institution; undefined without a login or before loading. */
  server?: ServerRegistry;
  /** Why the server's part is missing, when it is. */
  serverNote?: string;
  error?: string;
}

/**
 * The territory layer for `institution` once `wanted`: the kit, and the server's registry when a login lets
 * the page ask (the territory API is for logged-in users; without the login hint it is not asked, so a visitor's
 * console shows no 401).
 */
export function useTerritory(wanted: boolean, institution: string): TerritoryState {
  const [state, setState] = useState<TerritoryState>({});
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadTerritoryKit().then(
      (kit) => live && setState((s) => ({ ...s, kit })),
      (e: Error) => live && setState((s) => ({ ...s, error: e.message })),
    );
    if (!loginHint.get()) {
      setState((s) => ({ ...s, server: undefined, serverNote: 'not logged in' }));
      return;
    }
    const q = `institution=${encodeURIComponent(institution)}`;
    Promise.all([
      api.get<ZoneView[]>(`/api/territory/zones?${q}`),
      api.get<ChangeView[]>(`/api/territory/border-changes?${q}`),
      api.get<{ violations: ViolationView[] }>(`/api/territory/violations?${q}`),
    ]).then(
      ([zones, changes, v]) => {
        if (live)
          setState((s) => ({
            ...s,
            server: { zones, changes, violations: v.violations },
            serverNote: undefined,
          }));
      },
      (e) => {
        if (!live) return;
        const note =
          e instanceof ApiError && e.status === 401
            ? 'the login has ended'
            : `the server did not answer: ${e instanceof Error ? e.message : String(e)}`;
        setState((s) => ({ ...s, server: undefined, serverNote: note }));
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, institution]);
  return state;
}

/**
 * Who holds each area an accepted change transfers on `date`, and which guarantees cover it then (the server's
 * `GET /api/territory/coverage`, the engine's `areaCoverageOn`). Asked a moment after the date settles, so
 * dragging the slider does not send a request per day.
 */
export function useAreaCoverage(
  institution: string,
  date: string,
  enabled: boolean,
): Map<string, AreaCoverage> {
  const [areas, setAreas] = useState<Map<string, AreaCoverage>>(new Map());
  useEffect(() => {
    if (!enabled) {
      setAreas(new Map());
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const q = `institution=${encodeURIComponent(institution)}&date=${encodeURIComponent(date)}`;
      api.get<{ areas: AreaCoverage[] }>(`/api/territory/coverage?${q}`).then(
        (r) => live && setAreas(new Map(r.areas.map((a) => [a.area, a]))),
        () => live && setAreas(new Map()),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [institution, date, enabled]);
  return areas;
}
