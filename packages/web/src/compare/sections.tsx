// The Compare view's rows, read from the two charters through the engine: nothing here is written per charter.
import { type Charter, type DiffPoint, describeRule } from '@concert/engine';
import type { ReactNode } from 'react';

export function Cite({ text }: { text: string | undefined }) {
  return text ? <span className="cite">{text}</span> : null;
}

/** diffCharters' points, minus the rule list (shown body by body below), as a two-column table. */
export function PointsTable({ points, a, b }: { points: DiffPoint[]; a: Charter; b: Charter }) {
  const shown = points.filter((p) => p.aspect !== 'every rule');
  return (
    <table className="compare-table">
      <caption className="visually-hidden">Point by point</caption>
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col">{a.short_name ?? a.name}</th>
          <th scope="col">{b.short_name ?? b.name}</th>
          <th scope="col">Same or different</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((p) => (
          <tr key={`${p.topic}-${p.aspect}`} className={p.same ? 'same' : 'differs'} data-topic={p.topic}>
            <th scope="row">
              {p.topic}
              <span className="muted">: {p.aspect}</span>
            </th>
            <td>
              {p.a}
              <Cite text={p.citeA} />
            </td>
            <td>
              {p.b}
              <Cite text={p.citeB} />
            </td>
            <td>{p.same ? 'same' : 'differs'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SideBySide({ a, b, render }: { a: Charter; b: Charter; render: (c: Charter) => ReactNode }) {
  return (
    <div className="compare-columns">
      {[a, b].map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the two sides may show the same charter
        <div key={i} className="panel">
          <h3>{c.short_name ?? c.name}</h3>
          {render(c)}
        </div>
      ))}
    </div>
  );
}

export function Guarantees({ a, b }: { a: Charter; b: Charter }) {
  return (
    <SideBySide
      a={a}
      b={b}
      render={(c) =>
        c.guarantees.length === 0 ? (
          <p>No guarantee.</p>
        ) : (
          <ul>
            {c.guarantees.map((g) => (
              <li key={g.id}>
                <strong>{g.title}</strong>: {natureText(g.nature)},{' '}
                {g.legally_binding ? 'legally binding' : 'political'}; triggers: {g.triggers.join(', ')}
                {g.decided_by
                  ? `; collective measures decided by ${g.decided_by.body}/${g.decided_by.category}`
                  : ''}
                <Cite text={g.cite} />
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}

function natureText(nature: 'obligation' | 'right' | 'none'): string {
  return nature === 'obligation'
    ? 'obligation to assist'
    : nature === 'right'
      ? 'right to assist'
      : 'no assistance clause';
}

export function Accession({ a, b }: { a: Charter; b: Charter }) {
  return (
    <SideBySide
      a={a}
      b={b}
      render={(c) => {
        const x = c.accession;
        const rule = x.decided_by ? categoryOf(c, x.decided_by.body, x.decided_by.category) : undefined;
        return (
          <dl>
            <dt>Open to</dt>
            <dd>{x.open_to}</dd>
            <dt>Who may object</dt>
            <dd>{x.objectors}</dd>
            <dt>Decided by</dt>
            <dd>
              {x.decided_by ? `${x.decided_by.body}/${x.decided_by.category}` : 'not by a body'}
              {rule ? ` — ${describeRule(rule.rule)}` : ''}
            </dd>
            <dt>Ratification</dt>
            <dd>{x.ratification}</dd>
            <dt>Withdrawal</dt>
            <dd>
              {c.withdrawal.allowed ? 'allowed' : 'not provided for'}; {c.withdrawal.conditions}
              <Cite text={c.withdrawal.cite} />
            </dd>
          </dl>
        );
      }}
    />
  );
}

function categoryOf(c: Charter, body: string, category: string) {
  return c.bodies.find((b) => b.id === body)?.categories.find((k) => k.id === category);
}

export function DecisionRules({ a, b }: { a: Charter; b: Charter }) {
  return (
    <SideBySide
      a={a}
      b={b}
      render={(c) =>
        c.bodies.map((body) => (
          <div key={body.id} className="compare-body">
            <h4>{body.name}</h4>
            <ul>
              {body.categories.map((k) => (
                <li key={k.id} data-category={k.id}>
                  <strong>{k.name}</strong>: {describeRule(k.rule)}
                  {k.recusal && k.recusal.parties !== 'vote'
                    ? ` (parties to the matter: ${k.recusal.parties})`
                    : ''}
                  {k.in_force ? ` [in force ${k.in_force.from ?? '…'} to ${k.in_force.to ?? '…'}]` : ''}
                  <Cite text={k.cite} />
                </li>
              ))}
            </ul>
          </div>
        ))
      }
    />
  );
}

export function Disputes({ a, b }: { a: Charter; b: Charter }) {
  return (
    <SideBySide
      a={a}
      b={b}
      render={(c) =>
        c.disputes ? (
          <>
            <p>
              {c.disputes.summary}
              <Cite text={c.disputes.cite} />
            </p>
            <ol>
              {c.disputes.steps.map((s) => (
                <li key={s.id}>
                  {s.title} ({s.kind}
                  {s.period_days ? `, ${s.period_days} days` : ''}
                  {s.binding ? ', binding' : ', not binding'})
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p>No dispute procedure in the charter.</p>
        )
      }
    />
  );
}
