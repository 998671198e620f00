import type { JobState } from './job.ts';
import type { Outcome } from './protocol.ts';

/** A running job's progress bar and Cancel button; the outcome of one that stopped without a result. */
export function JobProgress<T extends Outcome>({
  state,
  cancel,
  name,
}: {
  state: JobState<T>;
  cancel: () => void;
  name: string;
}) {
  if (state.status === 'running') {
    const pct = Math.round(state.fraction * 100);
    return (
      <div className="job-progress panel" aria-live="polite">
        <div
          role="progressbar"
          aria-label={`${name} progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          aria-valuetext={`${pct}%: ${state.stage}`}
          className="bar"
        >
          <span style={{ width: `${pct}%` }} />
        </div>
        <span>
          {name}: {state.stage}, {pct}%
        </span>
        <button type="button" className="secondary" onClick={cancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (state.status === 'cancelled') return <p role="status">{name} cancelled.</p>;
  if (state.status === 'failed')
    return (
      <p className="error" role="alert">
        {name} failed: {state.message}
        {state.hint ? ` (${state.hint})` : ''}
      </p>
    );
  return null;
}
