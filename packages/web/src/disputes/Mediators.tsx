import { useState } from 'react';
import { useResource } from '../council/hooks.ts';
import type { MediatorList } from './types.ts';

/**
 * Neutral third states on the filing date, as the engine tests them: the eligible in the order of a seeded lot
 * (the same seed always gives the same order, so anyone can check a draw), and every excluded state with all its
 * reasons.
 */
export function Mediators({ caseId }: { caseId: number }) {
  const [seed, setSeed] = useState(1);
  const list = useResource<MediatorList>(`/api/disputes/${caseId}/mediators?seed=${seed}`);
  const m = list.data;
  return (
    <section aria-labelledby="mediators-title">
      <h3 id="mediators-title">Neutral third states (mediators, presiding arbitrators)</h3>
      <div className="controls">
        <label>
          Seed of the lot
          <input
            type="number"
            min={0}
            max={4294967295}
            value={seed}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 0) setSeed(n);
            }}
          />
        </label>
      </div>
      {list.error && (
        <p role="alert" className="error">
          {list.error}
        </p>
      )}
      {m && (
        <div className="dispute-mediators">
          <div>
            <h4>Eligible, ranked by the lot (seed {m.lot.seed})</h4>
            {m.eligible.length === 0 ? (
              <p>No member is neutral towards the parties on {m.date}.</p>
            ) : (
              <ol aria-label="Eligible neutral states in the order of the lot">
                {m.eligible.map((e) => (
                  <li key={e.id}>
                    {e.name}
                    {e.id === m.lot.drawn ? ' — drawn' : ''}
                  </li>
                ))}
              </ol>
            )}
            <p className="muted cite">
              Test on {m.date}:{' '}
              {m.test.alliances.length > 0 ? `no shared ${m.test.alliances.join(', ')}; ` : ''}
              {m.test.same_attribute.length > 0 ? `not the same ${m.test.same_attribute.join(', ')}; ` : ''}
              {m.test.not_neighbour ? 'no land border with a party' : ''} ({m.test.cite})
            </p>
          </div>
          <details>
            <summary>Excluded: {m.excluded.length} states, each with every reason</summary>
            <table aria-label="Excluded states and why">
              <thead>
                <tr>
                  <th scope="col">State</th>
                  <th scope="col">Reasons</th>
                </tr>
              </thead>
              <tbody>
                {m.excluded.map((e) => (
                  <tr key={e.id}>
                    <td>{e.name}</td>
                    <td>{e.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      )}
    </section>
  );
}
