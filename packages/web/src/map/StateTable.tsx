import { populationOf, stateIds } from '@concert/engine';
import { memo, useState } from 'react';
import { type Colouring, categoryLabel, colourOf } from './colourings.ts';
import type { StateFacts } from './StateDetails.tsx';
import { nameOf } from './StateMap.tsx';
import type { PowerState } from './use-power.ts';

type SortKey = 'name' | 'map' | 'population' | 'power';

interface Row {
  id: string;
  name: string;
  mapRank: number;
  population: number;
  power: number;
}

/** The map as a table: every state, the same facts, sortable, each state a keyboard-reachable button. */
export const StateTable = memo(function StateTable(props: {
  colouring: Colouring;
  facts: StateFacts;
  power: PowerState;
  selected: string | undefined;
  onSelect: (state: string) => void;
}) {
  const { colouring, facts, power, selected, onSelect } = props;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const powerById = new Map(
    power.status === 'done' && power.ok ? power.members.map((m) => [m.id, m.banzhaf]) : [],
  );
  const rank = new Map(colouring.categories.map((c, i) => [c.id, i]));
  const rows: Row[] = stateIds().map((id) => ({
    id,
    name: nameOf(id),
    mapRank: rank.get(colouring.byState.get(id)?.category ?? '') ?? 99,
    population: populationOf(id) ?? -1,
    power: powerById.get(id) ?? -1,
  }));
  rows.sort((a, b) => compareRows(a, b, sort.key) * (sort.descending ? -1 : 1));

  const header = (key: SortKey, label: string, numeric = false) => (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : numeric })}
      >
        {label}
      </button>
    </th>
  );

  return (
    <div className="map-table-wrap">
      <table className="map-table" aria-label="Every OSCE participating State, as on the map">
        <thead>
          <tr>
            {header('name', 'State')}
            {header('map', colouring.title)}
            {facts.memberships.map((m) => (
              <th scope="col" key={m.label}>
                {m.label}
              </th>
            ))}
            <th scope="col">Defence coverage</th>
            {header('population', 'Population', true)}
            {header('power', 'Banzhaf index', true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-state-row={row.id} aria-selected={selected === row.id}>
              <td>
                <button type="button" className="link" onClick={() => onSelect(row.id)}>
                  {row.name}
                </button>
              </td>
              <td data-category={colouring.byState.get(row.id)?.category}>
                <span
                  className="swatch"
                  style={{ background: colourOf(colouring, row.id) }}
                  aria-hidden="true"
                />
                {categoryLabel(colouring, row.id)}
              </td>
              {facts.memberships.map((m) => (
                <td key={m.label}>{shortStatus(m.colouring, row.id)}</td>
              ))}
              <td>{categoryLabel(facts.coverage, row.id)}</td>
              <td className="num">{row.population >= 0 ? row.population.toLocaleString('en-GB') : '—'}</td>
              <td className="num">{row.power >= 0 ? row.power.toFixed(4) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});

function shortStatus(colouring: Colouring, state: string): string {
  const category = colouring.byState.get(state)?.category;
  return category === 'member' ? 'member' : category === 'suspended' ? 'suspended' : '—';
}

function compareRows(a: Row, b: Row, key: SortKey): number {
  if (key === 'name') return a.name.localeCompare(b.name);
  if (key === 'map') return a.mapRank - b.mapRank || a.name.localeCompare(b.name);
  return a[key] - b[key] || a.name.localeCompare(b.name);
}
