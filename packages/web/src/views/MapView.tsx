import { isStateId } from '@concert/engine';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCharterKit } from '../map/charter-kit.ts';
import {
  type Colouring,
  coverageColouring,
  membershipColouring,
  pendingColouring,
  powerColouring,
} from '../map/colourings.ts';
import { readDate, today } from '../map/dates.ts';
import { isFrame } from '../map/frames.ts';
import { type Country, loadCountries } from '../map/geometry.ts';
import { Legend } from '../map/Legend.tsx';
import { COLOURINGS, type ColouringId, MapControls, type MapSettings } from '../map/MapControls.tsx';
import { StateDetails, type StateFacts } from '../map/StateDetails.tsx';
import { StateMap } from '../map/StateMap.tsx';
import { StateTable } from '../map/StateTable.tsx';
import { useTerritory } from '../map/territory-kit.ts';
import { type PowerState, usePower } from '../map/use-power.ts';
import { parseRoute, replaceParams } from '../router.ts';

// The territory layer's panels load with the layer (they carry the contested-area list).
const AreaDetails = lazy(() =>
  import('../map/TerritoryPanels.tsx').then((m) => ({ default: m.AreaDetails })),
);
const TerritoryTables = lazy(() =>
  import('../map/TerritoryPanels.tsx').then((m) => ({ default: m.TerritoryTables })),
);

function settingsFrom(params: URLSearchParams): { settings: MapSettings; problem?: string } {
  const { date, problem } = readDate(params.get('date'), today());
  const colour = COLOURINGS.find((c) => c.id === params.get('colour'))?.id ?? 'nato';
  const frame = params.get('frame');
  return {
    settings: {
      date,
      colour,
      frame: isFrame(frame) ? frame : 'europe',
      bilateral: params.get('bilateral') === '1',
      charter: params.get('charter') ?? 'continental',
      body: params.get('body') ?? '',
      category: params.get('category') ?? '',
    },
    ...(problem ? { problem } : {}),
  };
}

/** The state to show in the details panel; an id the engine does not know (a stale link) shows none. */
function stateFrom(params: URLSearchParams): string | undefined {
  const id = params.get('state');
  return id !== null && isStateId(id) ? id : undefined;
}

/** A contested area whose details are open (`area=`); only on the territory layer. */
function areaFrom(params: URLSearchParams): string | undefined {
  const id = params.get('area');
  return id && params.get('colour') === 'territory' && /^[a-z0-9-]+$/.test(id) ? id : undefined;
}

function paramsOf(s: MapSettings, state: string | undefined, area?: string): Record<string, string> {
  const p: Record<string, string> = { date: s.date, colour: s.colour };
  if (s.frame !== 'europe') p.frame = s.frame;
  if (s.bilateral) p.bilateral = '1';
  if (s.colour === 'power' || s.colour === 'territory' || state)
    Object.assign(p, { charter: s.charter, body: s.body, category: s.category });
  if (state) p.state = state;
  if (area && s.colour === 'territory') p.area = area;
  return p;
}

function colouringFor(
  id: ColouringId,
  s: MapSettings,
  facts: StateFacts,
  power: PowerState,
  label: string | undefined,
): Colouring {
  switch (id) {
    case 'coverage':
      return facts.coverage;
    case 'power':
      if (!label) return pendingColouring('Voting power');
      return powerColouring({
        label,
        values: new Map(
          power.status === 'done' && power.ok ? power.members.map((m) => [m.id, m.banzhaf]) : [],
        ),
      });
    case 'continental':
      return (
        facts.memberships.find((m) => m.label === CONTINENTAL)?.colouring ??
        pendingColouring('Continental alliance')
      );
    default:
      return membershipColouring(
        id === 'nato' ? 'NATO' : id === 'eu' ? 'EU' : id === 'csto' ? 'CSTO' : 'OSCE',
        s.date,
      );
  }
}

const CONTINENTAL = 'Continental (proposal)';

// On a visit that lands on the map, fetch the outlines while React starts rather than after its first render.
if (parseRoute(location.hash).view === 'map') loadCountries().catch(() => undefined);

/** The first time a map is drawn with its handlers attached; bench/web.bench.ts reads this mark. */
function markInteractive(): void {
  if (performance.getEntriesByName('concert:map-interactive').length === 0)
    performance.mark('concert:map-interactive');
}

export function MapView({ params }: { params: URLSearchParams }) {
  const query = params.toString();
  const initial = useMemo(() => settingsFrom(new URLSearchParams(query)), [query]);
  const [settings, setSettings] = useState(initial.settings);
  const [selected, setSelected] = useState(() => stateFrom(params));
  const [area, setArea] = useState(() => areaFrom(params));
  const [countries, setCountries] = useState<Country[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  useEffect(() => {
    setSettings(initial.settings);
    setSelected(stateFrom(new URLSearchParams(query)));
    setArea(areaFrom(new URLSearchParams(query)));
  }, [initial, query]);
  useEffect(() => {
    loadCountries().then(setCountries, (e: Error) => setLoadError(e.message));
  }, []);

  const [drawn, setDrawn] = useState(false);
  const { kit, error: kitError } = useCharterKit(
    drawn || settings.colour === 'continental' || settings.colour === 'power' || selected !== undefined,
  );
  const rule = kit?.chooseRule(settings.charter, settings.body, settings.category, settings.date);
  const power = usePower(settings.colour === 'power' || selected ? rule?.request : undefined, rule?.charter);
  const facts = useMemo<StateFacts>(
    () => ({
      memberships: [
        { label: 'NATO', colouring: membershipColouring('NATO', settings.date) },
        { label: 'EU', colouring: membershipColouring('EU', settings.date) },
        { label: 'CSTO', colouring: membershipColouring('CSTO', settings.date) },
        { label: 'OSCE', colouring: membershipColouring('OSCE', settings.date) },
        ...(kit ? [{ label: CONTINENTAL, colouring: kit.continentalOn(settings.date) }] : []),
      ],
      coverage: coverageColouring(settings.date, settings.bilateral),
    }),
    [settings.date, settings.bilateral, kit],
  );
  const territorial = settings.colour === 'territory';
  const territory = useTerritory(territorial, settings.charter);
  const colouring = useMemo(
    () =>
      territorial
        ? territory.kit
          ? territory.kit.territoryColouring(settings.date, settings.charter, territory.server)
          : pendingColouring('Territory')
        : colouringFor(settings.colour, settings, facts, power, rule?.label),
    [settings, facts, power, rule?.label, territorial, territory.kit, territory.server],
  );
  const marks = useMemo(
    () => (territorial && territory.kit ? territory.kit.marksOn(settings.date) : undefined),
    [territorial, territory.kit, settings.date],
  );
  const shownArea = territorial ? area : undefined;

  const update = (change: Partial<MapSettings>, state = selected, place = area) => {
    const next = { ...settings, ...change };
    const chosen = kit?.chooseRule(next.charter, next.body, next.category, next.date).request;
    const settled = chosen
      ? { ...next, charter: chosen.charter, body: chosen.body, category: chosen.category }
      : next;
    setSettings(settled);
    replaceParams('map', paramsOf(settled, state, place));
  };
  // One stable handler for the map and the table, so they do not redraw when only the details panel changes.
  const latestUpdate = useRef(update);
  latestUpdate.current = update;
  const select = useCallback((state: string | undefined) => {
    setSelected(state);
    setArea(undefined);
    latestUpdate.current({}, state, undefined);
  }, []);
  const selectArea = useCallback((id: string | undefined) => {
    setArea(id);
    setSelected(undefined);
    latestUpdate.current({}, undefined, id);
  }, []);
  const onDrawn = useCallback(() => {
    markInteractive();
    setDrawn(true);
  }, []);

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">Map</h1>
      <p className="muted">
        Who belongs to what, and who is protected by whom, on any date since 1991. Outlines: Natural Earth
        1:50m via world-atlas.
      </p>
      {initial.problem && <p className="error">{initial.problem}</p>}
      {kitError && <p className="error">The built-in charters did not load: {kitError}</p>}
      {territory.error && <p className="error">The territory layer did not load: {territory.error}</p>}
      <MapControls
        settings={settings}
        rule={rule}
        charters={kit?.charterOptions() ?? []}
        onChange={(c) => update(c)}
      />
      <Legend colouring={colouring} id="map-legend" />
      {settings.colour === 'power' && <PowerStatus power={power} />}
      <div className="map-layout">
        <div>
          <button
            type="button"
            className="map-skip secondary"
            onClick={() => document.getElementById('map-table-title')?.focus()}
          >
            Skip the map to the table
          </button>
          {loadError && <p className="error">The map outlines did not load: {loadError}</p>}
          {!countries && !loadError && <p role="status">Loading map outlines…</p>}
          {countries && (
            <StateMap
              countries={countries}
              frame={settings.frame}
              colouring={colouring}
              label={`Map: ${colouring.title}. Each state is a button; the table below lists the same.`}
              selected={selected}
              onSelect={select}
              onDrawn={onDrawn}
              {...(marks ? { marks, selectedMark: shownArea, onMark: selectArea } : {})}
            />
          )}
        </div>
        {shownArea ? (
          <Suspense fallback={<p role="status">Loading…</p>}>
            <AreaDetails id={shownArea} date={settings.date} onClose={() => selectArea(undefined)} />
          </Suspense>
        ) : selected ? (
          <StateDetails
            state={selected}
            date={settings.date}
            facts={facts}
            includeBilateral={settings.bilateral}
            power={power}
            powerLabel={rule?.label ?? 'Voting power'}
            onClose={() => select(undefined)}
          />
        ) : (
          <p className="panel muted">
            Hover over a state for a summary; click it (or focus it and press Enter) for details.
            {territorial && ' The diamonds are contested areas: each opens the positions of the sides.'}
          </p>
        )}
      </div>
      {territorial && (
        <Suspense fallback={<p role="status">Loading the territory registry…</p>}>
          <TerritoryTables
            date={settings.date}
            charter={settings.charter}
            server={territory.server}
            serverNote={territory.serverNote}
            selected={shownArea}
            onArea={selectArea}
          />
        </Suspense>
      )}
      <h2 id="map-table-title" tabIndex={-1}>
        Table
      </h2>
      <StateTable colouring={colouring} facts={facts} power={power} selected={selected} onSelect={select} />
    </section>
  );
}

function PowerStatus({ power }: { power: PowerState }) {
  if (power.status === 'computing') return <p role="status">Computing voting power…</p>;
  if (power.status !== 'done') return null;
  if (!power.ok) return <p className="error">{power.message}</p>;
  const outside = power.members.filter((m) => !isStateId(m.id)).map((m) => m.name);
  return (
    <p role="status" className="muted">
      {power.members.length} voting members; {power.exact ? 'exact' : 'estimated'} by {power.method} in{' '}
      {Math.round(power.computeMs)} ms.
      {outside.length > 0 && ` Not on the map (outside the OSCE area or not a state): ${outside.join(', ')}.`}
    </p>
  );
}
