import {
  type Charter,
  planFor,
  randomFor,
  runnerFor,
  type Scenario,
  type TimelineStep,
} from '@concert/engine';
import { useMemo } from 'react';

/** Run 0 of the ensemble (the same draws as `concert simulate --runs 1`), step by step. */
export function Timeline({
  scenario,
  charter,
  seed,
  ignoreRecusal,
}: {
  scenario: Scenario;
  charter: Charter;
  seed: number;
  ignoreRecusal: boolean;
}) {
  const played = useMemo(() => {
    // An uploaded scenario or charter may not fit the other (e.g. no members on the scenario's date).
    try {
      const plan = planFor(scenario, charter, { ignoreRecusal });
      return { plan, steps: runnerFor(scenario, plan)(randomFor(seed, 0), true).timeline ?? [] };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [scenario, charter, seed, ignoreRecusal]);
  if ('error' in played)
    return (
      <p className="error" role="alert">
        {charter.name} cannot play this scenario: {played.error}
      </p>
    );
  const { plan, steps } = played;
  return (
    <section aria-labelledby="timeline-title" className="panel">
      <h2 id="timeline-title">One run under {plan.charter.name}</h2>
      <p className="muted">
        Run 0 of seed {seed}: the first run of the ensemble below
        {ignoreRecusal ? '; recusal ignored (the parties vote)' : ''}.
      </p>
      <table className="crisis-timeline">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Step</th>
            <th scope="col">Rung</th>
            <th scope="col">Body and rule</th>
            <th scope="col">Tally</th>
            <th scope="col">Result</th>
            <th scope="col">Citation</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step, i) => {
            const rung = plan.rungs.find((r) => r.id === step.rung);
            const d = rung?.decision;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a timeline's steps have no identity but their order
              <tr key={i} data-event={step.event}>
                <td className="num">{step.day}</td>
                <td>{step.event === 'vote' ? voteText(step) : step.text}</td>
                <td>{rung?.title ?? ''}</td>
                <td>{d ? `${d.body} (${d.category}): ${d.ruleText}` : ''}</td>
                <td>
                  {step.yes === undefined
                    ? ''
                    : `${step.yes} yes, ${step.no} no${step.abstain ? `, ${step.abstain} abstain` : ''}`}
                </td>
                <td>{step.adopted === undefined ? '' : step.adopted ? 'adopted' : 'not adopted'}</td>
                <td className="cite">{step.cite ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function voteText(step: TimelineStep): string {
  const who = step.deciding ?? [];
  if (who.length === 0) return 'vote';
  return `vote; ${step.adopted ? 'deciding' : 'blocking'}: ${who.join(', ')}`;
}
