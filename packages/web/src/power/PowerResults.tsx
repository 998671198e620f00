import type { CoalitionList, PowerResult } from '@concert/engine';
import { count, fixed4, percent } from './format.ts';
import { PowerChart } from './PowerChart.tsx';

export function PowerResults({ result, verdict }: { result: PowerResult; verdict: string[] }) {
  return (
    <div className="power-results">
      <section aria-labelledby="verdict-title" className="panel verdict">
        <h2 id="verdict-title">Verdict</h2>
        <ul>
          {verdict.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="muted" data-testid="method">
          Method: {result.method} (
          {result.exact ? 'exact' : `estimate, ±${result.errorBound.toFixed(4)} at 99%`}), computed in{' '}
          {result.computeMs.toFixed(0)} ms. {result.notes.join(' ')}
        </p>
      </section>
      <Blocking result={result} />
      <h2>Power of each member</h2>
      <PowerChart result={result} />
      <PowerTable result={result} />
    </div>
  );
}

function Blocking({ result }: { result: PowerResult }) {
  const b = result.blocking;
  const names = (ids: string[]) => (ids.length ? ids.join(', ') : 'none');
  return (
    <section aria-labelledby="blocking-title">
      <h2 id="blocking-title">Blocking report</h2>
      <dl className="facts">
        <dt>Can pass a motion alone</dt>
        <dd>{names(b.passAlone)}</dd>
        <dt>Can block alone (veto)</dt>
        <dd>{names(b.blockAlone)}</dd>
        <Coalitions title="Smallest winning coalitions" list={b.smallestWinning} />
        <Coalitions title="Smallest blocking coalitions" list={b.smallestBlocking} />
        <dt>Minimal winning coalitions</dt>
        <dd>{b.minimalWinning === null ? 'not counted for this kind of rule' : count(b.minimalWinning)}</dd>
        <dt>Passage probability (Coleman's power to act)</dt>
        <dd data-testid="pass-probability">
          {percent(result.passProbability, 2)}
          {result.winningCoalitions !== undefined && result.totalCoalitions !== undefined
            ? ` (${count(result.winningCoalitions)} of ${count(result.totalCoalitions)} coalitions win)`
            : ''}
        </dd>
      </dl>
    </section>
  );
}

function Coalitions({ title, list }: { title: string; list: CoalitionList }) {
  return (
    <>
      <dt>{title}</dt>
      <dd>
        {list.size === null ? (
          'none'
        ) : (
          <>
            {list.size} {list.size === 1 ? 'member' : 'members'}
            {list.count !== null ? `, ${count(list.count)} such coalitions` : ''}
            {list.proven ? '' : ' (size from a bounded search: an upper bound)'}
            <ul className="coalitions">
              {list.examples.map((c) => (
                <li key={c.join(',')}>{c.join(' + ')}</li>
              ))}
            </ul>
          </>
        )}
      </dd>
    </>
  );
}

function PowerTable({ result }: { result: PowerResult }) {
  const dom = new Map(result.domination?.members.map((m) => [m.id, m]) ?? []);
  const rows = [...result.players].sort((a, b) => b.banzhaf - a.banzhaf);
  return (
    <table className="power-table">
      <caption className="visually-hidden">Power indices per member</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col" className="num">
            Banzhaf (normalised)
          </th>
          <th scope="col" className="num">
            Banzhaf (absolute)
          </th>
          <th scope="col" className="num">
            Shapley–Shubik
          </th>
          <th scope="col" className="num">
            Square-root ideal
          </th>
          <th scope="col" className="num">
            Power ÷ ideal
          </th>
          <th scope="col" className="num">
            Population share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => {
          const d = dom.get(p.id);
          return (
            <tr key={p.id} data-member={p.id}>
              <th scope="row">
                {p.id}
                {p.name ? <span className="muted"> {p.name}</span> : null}
              </th>
              <td className="num" data-index="banzhaf">
                {fixed4(p.banzhaf)}
              </td>
              <td className="num">{fixed4(p.banzhafAbsolute)}</td>
              <td className="num" data-index="shapley">
                {fixed4(p.shapley)}
              </td>
              <td className="num">{fixed4(d?.squareRootIdeal)}</td>
              <td className="num">{d ? d.ratioToIdeal.toFixed(2) : '—'}</td>
              <td className="num">{d ? percent(d.populationShare) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
