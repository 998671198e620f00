import { type DisputeChange, describeChange, type Liveness } from './live.ts';

/** Whether the page follows the registry live, and the last change it heard of (read out politely). */
export function LiveNote({ liveness, last }: { liveness: Liveness; last: DisputeChange | null }) {
  return (
    <p className="muted dispute-live">
      <span data-testid="dispute-liveness">
        {liveness === 'live'
          ? 'Live: updates by itself when anyone records an event.'
          : liveness === 'reconnecting'
            ? 'Reconnecting to the live feed…'
            : 'Connecting to the live feed…'}
      </span>{' '}
      <span role="status">{last ? `Updated: ${describeChange(last)}.` : ''}</span>
    </p>
  );
}
