import { builtinCharter, builtinCharterIds, diffCharters } from '@concert/engine';
import { useEffect, useMemo, useState } from 'react';
import { Accession, DecisionRules, Disputes, Guarantees, PointsTable } from '../compare/sections.tsx';
import { charterCoverageColouring } from '../map/charter-coverage.ts';
import { readDate, today } from '../map/dates.ts';
import { type Country, loadCountries } from '../map/geometry.ts';
import { Legend } from '../map/Legend.tsx';
import { StateMap } from '../map/StateMap.tsx';
import { replaceParams } from '../router.ts';
import './CompareView.css';

function pick(id: string | null, fallback: string): string {
  return id && builtinCharterIds().includes(id) ? id : fallback;
}

/** Two architectures side by side, as their charters state them, with the coverage of each on a map. */
export function CompareView({ params }: { params: URLSearchParams }) {
  const query = params.toString();
  const initial = useMemo(() => {
    const p = new URLSearchParams(query);
    const { date, problem } = readDate(p.get('date'), today());
    return { a: pick(p.get('a'), 'continental'), b: pick(p.get('b'), 'nato'), date, problem };
  }, [query]);
  const [choice, setChoice] = useState(initial);
  const [countries, setCountries] = useState<Country[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  useEffect(() => setChoice(initial), [initial]);
  useEffect(() => {
    loadCountries().then(setCountries, (e: Error) => setLoadError(e.message));
  }, []);

  const a = builtinCharter(choice.a);
  const b = builtinCharter(choice.b);
  const diff = useMemo(() => diffCharters(a, b), [a, b]);
  const change = (next: Partial<typeof choice>) => {
    const merged = { ...choice, ...next };
    setChoice(merged);
    replaceParams('compare', { a: merged.a, b: merged.b, date: merged.date });
  };
  const ids = builtinCharterIds();

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">Compare</h1>
      <p className="muted">
        Two architectures as their charters state them: every entry is read from the charter, with the article
        or passage it cites.
      </p>
      {initial.problem && <p className="error">{initial.problem}</p>}
      <div className="controls">
        {(['a', 'b'] as const).map((side) => (
          <label key={side}>
            {side === 'a' ? 'First architecture' : 'Second architecture'}
            <select value={choice[side]} onChange={(e) => change({ [side]: e.target.value })}>
              {ids.map((id) => (
                <option key={id} value={id}>
                  {builtinCharter(id).name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label>
          Members and coverage on
          <input
            type="date"
            min="1991-01-01"
            max={today()}
            value={choice.date}
            onChange={(e) => e.target.value && change({ date: e.target.value })}
          />
        </label>
      </div>
      <p role="status">
        {diff.differences} of {diff.points.length} points differ.
      </p>
      <div className="compare-columns">
        {[a, b].map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the two sides may show the same charter
          <div key={i} className="panel compare-summary">
            <h2>{c.name}</h2>
            <p className="muted">
              {c.status.kind}
              {c.status.note ? ` — ${c.status.note}` : ''}
            </p>
            <p>{c.summary}</p>
          </div>
        ))}
      </div>
      <h2>Point by point</h2>
      <div className="compare-table-wrap">
        <PointsTable points={diff.points} a={a} b={b} />
      </div>
      <h2>Guarantees</h2>
      <Guarantees a={a} b={b} />
      <h2>Accession and withdrawal</h2>
      <Accession a={a} b={b} />
      <h2>Decision rules</h2>
      <DecisionRules a={a} b={b} />
      <h2>Disputes</h2>
      <Disputes a={a} b={b} />
      <h2>Coverage on {choice.date}</h2>
      {loadError && <p className="error">The map outlines did not load: {loadError}</p>}
      {!countries && !loadError && <p role="status">Loading map outlines…</p>}
      {countries && (
        <div className="compare-columns">
          {[a, b].map((c, i) => {
            const colouring = charterCoverageColouring(c, choice.date);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the two sides may show the same charter
              <div key={i} className="compare-map" data-charter={c.id}>
                <StateMap
                  countries={countries}
                  frame="europe"
                  colouring={colouring}
                  width={560}
                  height={420}
                  label={`Coverage map: ${colouring.title}`}
                />
                <Legend colouring={colouring} />
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
