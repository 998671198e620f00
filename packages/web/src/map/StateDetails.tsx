import {
  DEFAULT_POPULATION_SERIES,
  guaranteesOf,
  membershipHistory,
  populationOf,
  populationSeries,
  world,
} from '@concert/engine';
import type { Colouring } from './colourings.ts';
import { nameOf } from './StateMap.tsx';
import type { PowerState } from './use-power.ts';

export interface StateFacts {
  memberships: { label: string; colouring: Colouring }[];
  coverage: Colouring;
}

const EVENT_WORDS: Record<string, string> = {
  joined: 'joined',
  left: 'left',
  suspended: 'suspended',
  reinstated: 'reinstated',
};

/** Everything Concert knows about one state on the date: memberships, population, guarantees, voting power. */
export function StateDetails(props: {
  state: string;
  date: string;
  facts: StateFacts;
  includeBilateral: boolean;
  power: PowerState;
  powerLabel: string;
  onClose: () => void;
}) {
  const { state, date, facts, power } = props;
  return (
    <section className="panel map-details" aria-labelledby="state-details-title" aria-live="polite">
      <h2 id="state-details-title">{nameOf(state)}</h2>
      <p className="muted">
        {state}, on {date}
      </p>
      <h3>Memberships on {date}</h3>
      <ul>
        {facts.memberships.map(({ label, colouring }) => (
          <li key={label}>{colouring.byState.get(state)?.detail ?? `${label}: no data`}</li>
        ))}
      </ul>
      <h3>Membership history</h3>
      <History state={state} />
      <h3>Population</h3>
      <Population state={state} />
      <h3>Legally binding guarantees on {date}</h3>
      <Guarantees state={state} date={date} includeBilateral={props.includeBilateral} />
      <p className="muted">{facts.coverage.byState.get(state)?.detail}</p>
      <h3>Voting power</h3>
      <p>
        {props.powerLabel}: <PowerOf state={state} power={power} />
      </p>
      <button type="button" className="secondary" onClick={props.onClose}>
        Close details
      </button>
    </section>
  );
}

function History({ state }: { state: string }) {
  const events = membershipHistory(state);
  if (events.length === 0) return <p>No recorded membership events.</p>;
  return (
    <ul>
      {events.map((e) => (
        <li key={`${e.organisation}-${e.date}-${e.type}`}>
          {e.date}: {EVENT_WORDS[e.type] ?? e.type} {e.organisation}
          {e.note ? <span className="muted"> — {e.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Population({ state }: { state: string }) {
  const value = populationOf(state);
  const series = populationSeries(DEFAULT_POPULATION_SERIES);
  const source = world.sources[series.source];
  if (value === undefined) return <p>No figure in {series.title}.</p>;
  return (
    <p>
      {value.toLocaleString('en-GB')} ({series.year}; {source?.publisher ?? series.source}, {series.title})
    </p>
  );
}

function Guarantees({
  state,
  date,
  includeBilateral,
}: {
  state: string;
  date: string;
  includeBilateral: boolean;
}) {
  const guarantees = guaranteesOf(state, date, { includeBilateral });
  if (guarantees.length === 0) return <p>None.</p>;
  return (
    <ul>
      {guarantees.map((g) => (
        <li key={g.clause}>
          {g.title} — {g.nature === 'obligation' ? 'obligation to assist' : 'right to assist'}, via {g.via}{' '}
          since {g.since}
          {g.caveats.map((c) => (
            <span key={c} className="muted">
              {' '}
              ({c})
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

export function PowerOf({ state, power }: { state: string; power: PowerState }) {
  if (power.status === 'idle') return <span className="muted">not computed</span>;
  if (power.status === 'computing') return <span className="muted">computing…</span>;
  if (!power.ok) return <span className="error">{power.message}</span>;
  const member = power.members.find((m) => m.id === state);
  return member ? (
    <span>normalised Banzhaf index {member.banzhaf.toFixed(4)}</span>
  ) : (
    <span>no vote (not a member of this body on the date)</span>
  );
}
