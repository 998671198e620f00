import { ProgressBar } from '../components/ProgressBar.tsx';
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
  if (state.status === 'running')
    return (
      <ProgressBar
        name={name}
        fraction={state.fraction}
        stage={state.stage}
        onCancel={cancel}
        className="job-progress"
      />
    );
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
