import { useEffect, useRef } from 'react';
import { CHOICE_LABEL, clauseLine } from './format.ts';
import type { Poll, PublishedResult, Vote } from './types.ts';

const VOTES: Vote[] = ['yes', 'no', 'abstain', 'absent'];

/** A closed poll: the engine's decision and its explanation, the roll call as secrecy allows, the exports. */
export function PollResult({
  poll,
  result,
  names,
  focus,
}: {
  poll: Poll;
  result: PublishedResult;
  names: Map<string, string>;
  focus: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const nameOf = (id: string) => names.get(id) ?? id;
  return (
    <div className="council-result">
      <h4 ref={heading} tabIndex={-1} className={result.adopted ? 'adopted' : 'rejected'}>
        Result: {result.adopted ? 'adopted' : 'not adopted'}
      </h4>
      <p className="muted">
        Rule: {result.rule.description ? `${result.rule.description} ` : ''}({result.rule.cite})
      </p>
      <h5>Explanation</h5>
      <ul className="council-explanation">
        {result.clauses.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: clauses are the rule's, in its order
          <li key={i} className={`depth-${Math.min(c.depth, 3)}`}>
            {clauseLine(c)}
          </li>
        ))}
      </ul>
      {result.toPass && result.toPass.size !== null && result.toPass.size > 0 && (
        <p>
          To pass, {result.toPass.size} more member{result.toPass.size === 1 ? '' : 's'} would have had to
          vote yes{result.toPass.sets[0] ? `, e.g. ${result.toPass.sets[0].map(nameOf).join(', ')}` : ''}.
        </p>
      )}
      {result.pivotal && result.pivotal.length > 0 && (
        <p>
          Pivotal:{' '}
          {result.pivotal.map((p) => `${nameOf(p.id)} (${p.from} → ${p.to.join(' or ')})`).join('; ')}.
        </p>
      )}
      {result.warnings.map((w) => (
        <p key={w} className="muted">
          Note: {w}
        </p>
      ))}
      <RollCall poll={poll} result={result} nameOf={nameOf} />
      <Exports poll={poll} />
    </div>
  );
}

function RollCall({
  poll,
  result,
  nameOf,
}: {
  poll: Poll;
  result: PublishedResult;
  nameOf: (id: string) => string;
}) {
  return (
    <>
      <h5>Roll call</h5>
      <table className="council-tallytable">
        <caption>Tally{poll.ballot === 'secret' ? ' (secret ballot: aggregate only)' : ''}</caption>
        <thead>
          <tr>
            {VOTES.map((v) => (
              <th key={v} scope="col" className="num">
                {CHOICE_LABEL[v]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {VOTES.map((v) => (
              <td key={v} className="num">
                {result.tally[v]}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {poll.ballot === 'roll-call' && result.ballots && (
        <details>
          <summary>Named roll call ({result.ballots.length} members)</summary>
          <table className="council-rollcall">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Vote</th>
              </tr>
            </thead>
            <tbody>
              {result.ballots.map((b) => (
                <tr key={b.id}>
                  <td>{b.name ?? nameOf(b.id)}</td>
                  <td>{CHOICE_LABEL[b.vote]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}

function Exports({ poll }: { poll: Poll }) {
  const views =
    poll.ballot === 'secret' ? (['aggregate'] as const) : (['named', 'anonymised', 'aggregate'] as const);
  return (
    <>
      <h5>Export</h5>
      <ul className="council-exports">
        {views.map((view) =>
          (['csv', 'json'] as const).map((format) => (
            <li key={`${view}-${format}`}>
              <a href={`/api/polls/${poll.id}/roll-call?format=${format}&view=${view}`} download>
                Roll call, {view} ({format.toUpperCase()})
              </a>
            </li>
          )),
        )}
        <li>
          <a href={`/api/sessions/${poll.session}/results?format=csv`} download>
            Session results (CSV)
          </a>
        </li>
      </ul>
    </>
  );
}
