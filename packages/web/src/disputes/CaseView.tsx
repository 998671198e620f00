import { useState } from 'react';
import type { User } from '../api.ts';
import { useResource } from '../council/hooks.ts';
import { nameOf } from '../map/StateMap.tsx';
import { routeHref } from '../router.ts';
import { ActionForm } from './ActionForm.tsx';
import { canAct } from './actions.ts';
import { partyNames, STATUS_LABELS } from './CaseList.tsx';
import { LiveNote } from './LiveNote.tsx';
import { useDisputeFeed } from './live.ts';
import { Mediators } from './Mediators.tsx';
import { relativeTo, timelineRows } from './timeline.ts';
import type { CaseDetail, CaseState } from './types.ts';

/** One case: where it stands, its timeline with citations, deadlines, mediator, tribunal, award; and the form. */
export function CaseView({ id, user }: { id: number; user: User }) {
  const [asOf, setAsOf] = useState('');
  const [version, setVersion] = useState(0);
  // The case's institution is known once it has loaded; until then there is nothing to follow.
  const [institution, setInstitution] = useState<string | null>(null);
  const feed = useDisputeFeed(institution, { case: id });
  const detail = useResource<CaseDetail>(
    `/api/disputes/${id}${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
    version + feed.version,
  );
  const c = detail.data;
  if (c && c.institution !== institution) setInstitution(c.institution);
  const s = c?.state;
  return (
    <section aria-labelledby="case-title" className="dispute-case">
      <p>
        <a href={routeHref('disputes', c ? { institution: c.institution } : undefined)}>← All cases</a>
      </p>
      {detail.error && (
        <p role="alert" className="error">
          {detail.error}
        </p>
      )}
      {!c && !detail.error && <p role="status">Loading case {id}…</p>}
      {c && s && (
        <>
          <h2 id="case-title">
            Case {c.id}
            {c.title ? `: ${c.title}` : ''}
          </h2>
          <LiveNote liveness={feed.liveness} last={feed.last} />
          <dl className="dispute-facts">
            <dt>Parties</dt>
            <dd>{partyNames(c.parties)}</dd>
            <dt>Subject</dt>
            <dd>{c.subject}</dd>
            <dt>Filed</dt>
            <dd>
              {c.filed}
              {s.claimant ? ` by ${nameOf(s.claimant)}` : ''}
            </dd>
            <dt>Institution</dt>
            <dd>
              {c.institution} (charter {c.charter}, hash {c.charterHash.slice(0, 12)}…)
            </dd>
            <dt>Status on {s.asOf}</dt>
            <dd data-testid="case-status">
              {STATUS_LABELS[s.status]}
              {s.step ? ` — ${s.step.title} (${s.step.binding ? 'binding' : 'non-binding'})` : ''}
              {s.status === 'awaiting-step' && s.nextStep ? `; next: ${s.nextStep}` : ''}
            </dd>
          </dl>
          <div className="controls">
            <label>
              Show the case as of
              <input
                type="date"
                min={c.filed}
                value={asOf || s.asOf}
                onChange={(e) => setAsOf(e.target.value)}
              />
            </label>
            {asOf && (
              <button type="button" className="secondary" onClick={() => setAsOf('')}>
                Back to the last event
              </button>
            )}
          </div>
          <p className="muted">
            Deadlines pass on their own: on a later date the engine fails a step whose period has ended,
            without anyone recording it.
          </p>
          <Deadlines state={s} />
          <Timeline state={s} />
          <StepDetails state={s} detail={c} />
          <Award state={s} />
          <Allowed state={s} />
          {/* A closed case allows nothing, so it gets no form. */}
          {s.allowed.length > 0 &&
            (canAct(user, c.institution, c.parties) ? (
              <ActionForm
                key={`${c.events.length}-${s.asOf}`}
                user={user}
                detail={c}
                onRecorded={() => {
                  setAsOf('');
                  setVersion((v) => v + 1);
                }}
              />
            ) : (
              <p className="muted">
                Only the parties' delegations, the secretariat and the presidency record events; you can
                follow the case.
              </p>
            ))}
          <Mediators caseId={c.id} />
          <StoredEvents detail={c} />
        </>
      )}
    </section>
  );
}

function Deadlines({ state }: { state: CaseState }) {
  return (
    <section aria-labelledby="deadlines-title">
      <h3 id="deadlines-title">Deadlines on {state.asOf}</h3>
      {state.deadlines.length === 0 ? (
        <p className="muted">No deadline runs on this date.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Deadline</th>
              <th scope="col">Due</th>
              <th scope="col">Against {state.asOf}</th>
              <th scope="col">Citation</th>
            </tr>
          </thead>
          <tbody>
            {state.deadlines.map((d) => (
              <tr key={d.id} className={d.passed ? 'passed' : undefined}>
                <td>{d.what}</td>
                <td className="date">{d.due}</td>
                <td>
                  {d.passed ? `passed (${relativeTo(state.asOf, d.due)})` : relativeTo(state.asOf, d.due)}
                </td>
                <td className="cite">{d.cite}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Timeline({ state }: { state: CaseState }) {
  const rows = timelineRows(state);
  return (
    <section aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      <table className="dispute-timeline">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Stage</th>
            <th scope="col">Event</th>
            <th scope="col">Outcome</th>
            <th scope="col">Legal effect</th>
            <th scope="col">Citation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a replayed timeline never reorders
            <tr key={i} className={r.kind}>
              <td className="date">{r.date}</td>
              <td>{r.stage ?? '—'}</td>
              <td>
                {r.kind === 'deadline' && <strong>Deadline passed: </strong>}
                {r.text}
              </td>
              <td>{r.outcome ?? ''}</td>
              <td>{r.effect ?? ''}</td>
              <td className="cite">{r.cite}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The current step's mediator and tribunal; the tribunal stays on view after the award (from the events). */
function StepDetails({ state, detail }: { state: CaseState; detail: CaseDetail }) {
  const step = state.step;
  const appointed = detail.events
    .map((e) => e.event)
    .filter((e) => e.type === 'appoint-arbitrator' && e.date <= state.asOf);
  const arbitrators =
    step?.arbitrators ??
    appointed.map((e) =>
      e.type === 'appoint-arbitrator'
        ? {
            arbitrator: e.arbitrator,
            role: e.role,
            appointedBy: e.by,
            date: e.date,
            ...(e.for ? { onBehalfOf: e.for } : {}),
          }
        : undefined,
    );
  const tribunal = arbitrators.filter((a) => a !== undefined);
  return (
    <>
      {step && (step.mediator || step.proposals.length > 0) && (
        <section aria-labelledby="mediator-title">
          <h3 id="mediator-title">Mediator</h3>
          {step.mediator ? (
            <p>
              <strong>{nameOf(step.mediator)}</strong> appointed.
            </p>
          ) : (
            <p>No mediator appointed yet.</p>
          )}
          <ul>
            {step.proposals.map((p) => (
              <li key={`${p.by}-${p.date}`}>
                {p.date}: {nameOf(p.by)} proposes {nameOf(p.mediator)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {tribunal.length > 0 && (
        <section aria-labelledby="tribunal-title">
          <h3 id="tribunal-title">Arbitral tribunal</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Arbitrator (nationality)</th>
                <th scope="col">Seat</th>
                <th scope="col">Appointed by</th>
                <th scope="col">Date</th>
              </tr>
            </thead>
            <tbody>
              {tribunal.map((a) => (
                <tr key={`${a.arbitrator}-${a.date}`}>
                  <td>{nameOf(a.arbitrator)}</td>
                  <td>
                    {a.role === 'presiding'
                      ? 'presiding'
                      : `party arbitrator${a.onBehalfOf ? ` for ${nameOf(a.onBehalfOf)}` : ''}`}
                  </td>
                  <td>{a.appointedBy === 'authority' ? 'the fallback authority' : nameOf(a.appointedBy)}</td>
                  <td>{a.date}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {step?.constituted && <p>Constituted on {step.constituted}.</p>}
        </section>
      )}
    </>
  );
}

function Award({ state }: { state: CaseState }) {
  if (!state.award && !state.outcome) return null;
  return (
    <section aria-labelledby="award-title">
      <h3 id="award-title">Award and compliance</h3>
      {state.award && (
        <p>
          {state.award.binding ? 'Binding' : 'Non-binding'} award of {state.award.date} ({state.award.step})
          {state.award.inFavourOf ? ` in favour of ${nameOf(state.award.inFavourOf)}` : ''}
          {state.award.complyBy ? `; compliance due by ${state.award.complyBy}` : ''}.
        </p>
      )}
      {state.outcome && (
        <p>
          Outcome on {state.outcome.date}: <strong>{state.outcome.kind}</strong> — {state.outcome.effect}.
        </p>
      )}
    </section>
  );
}

function Allowed({ state }: { state: CaseState }) {
  return (
    <section aria-labelledby="allowed-title">
      <h3 id="allowed-title">What the procedure allows next</h3>
      {state.allowed.length === 0 ? (
        <p className="muted">Nothing: the case is closed ({STATUS_LABELS[state.status]}).</p>
      ) : (
        <ul className="dispute-allowed">
          {state.allowed.map((a) => (
            <li key={`${a.type}-${a.by}`}>
              <strong>{a.type}</strong> by {a.by}: {a.detail}
              {a.from ? `, from ${a.from}` : ''}
              {a.until ? `, until ${a.until}` : ''} <span className="cite">({a.cite})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StoredEvents({ detail }: { detail: CaseDetail }) {
  return (
    <details>
      <summary>The stored events and who recorded each ({detail.events.length})</summary>
      <ol>
        {detail.events.map((e) => (
          <li key={e.position}>
            {e.event.date} <code>{e.event.type}</code> recorded by {e.actor} at {e.recordedAt}
            {e.event.note ? ` — ${e.event.note}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}
