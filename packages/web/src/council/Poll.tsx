import { useEffect, useRef, useState } from 'react';
import { api, type User } from '../api.ts';
import { CHOICE_LABEL, memberOf, tallyAnnouncement } from './format.ts';
import { useAction, useResource } from './hooks.ts';
import { PollResult } from './Result.tsx';
import { TallyBars } from './Tally.tsx';
import type { Choice, Poll, Standing } from './types.ts';

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];

/** A poll as the logged-in user may act on it; refetched on every event of the session (`version`). */
export function PollPanel({
  pollId,
  motionId,
  user,
  version,
  names,
  focus,
}: {
  pollId: number;
  motionId: number;
  user: User;
  version: number;
  names: Map<string, string>;
  focus: boolean;
}) {
  const poll = useResource<Poll>(`/api/polls/${pollId}`, version);
  // The standing is the engine's work on every event; a closed poll shows its stored result instead.
  const open = poll.data?.status === 'open';
  const standing = useResource<Standing>(open ? `/api/motions/${motionId}/standing` : null, version);
  const [closedHere, setClosedHere] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const p = poll.data;
  return (
    <section className="council-poll" aria-labelledby={`poll-${pollId}-title`}>
      <h4 id={`poll-${pollId}-title`} ref={heading} tabIndex={-1}>
        Poll {pollId} {p ? `(${p.ballot === 'secret' ? 'secret ballot' : 'roll call'}, ${p.status})` : ''}
      </h4>
      {poll.error && (
        <p role="alert" className="error">
          {poll.error}
        </p>
      )}
      {p && (
        <p className="council-live" aria-live="polite" aria-atomic="true">
          {tallyAnnouncement(p, standing.data)}
        </p>
      )}
      {p?.status === 'open' && user.role === 'presidency' && (
        <ClosePoll
          pollId={pollId}
          onClosed={() => {
            setClosedHere(true);
            poll.reload();
          }}
        />
      )}
      {p?.status === 'open' && <Voting poll={p} user={user} onVoted={poll.reload} />}
      {p?.status === 'open' && standing.data && <StandingView standing={standing.data} names={names} />}
      {p?.status === 'closed' && p.result && (
        <PollResult poll={p} result={p.result} names={names} focus={closedHere} />
      )}
    </section>
  );
}

function ClosePoll({ pollId, onClosed }: { pollId: number; onClosed: () => void }) {
  const close = useAction(() => api.post<Poll>(`/api/polls/${pollId}/close`));
  return (
    <div className="council-actions">
      <button
        type="button"
        aria-disabled={close.pending}
        onClick={async () => {
          if (await close.run()) onClosed();
        }}
      >
        {close.pending ? 'Closing poll… (the engine is deciding)' : 'Close poll'}
      </button>
      {close.error && (
        <p role="alert" className="error">
          {close.error}
        </p>
      )}
    </div>
  );
}

/** Yes / No / Abstain for the user's own delegation only; observers and officials read. */
function Voting({ poll, user, onVoted }: { poll: Poll; user: User; onVoted: () => void }) {
  const vote = useAction(async (choice: Choice) => {
    await api.post(`/api/polls/${poll.id}/votes`, { choice });
    return choice;
  });
  if (user.role !== 'delegate' || !user.delegation) {
    return (
      <p className="muted">
        {user.role === 'observer' ? 'Observers follow the vote; they do not vote.' : 'Only delegations vote.'}
      </p>
    );
  }
  return (
    <fieldset className="council-vote">
      <legend>Vote of {memberOf(user.delegation)} (you may change it until the poll closes)</legend>
      {CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          className={poll.ownVote === c ? 'chosen' : 'secondary'}
          aria-pressed={poll.ownVote === c}
          aria-disabled={vote.pending}
          onClick={async () => {
            if (await vote.run(c)) onVoted();
          }}
        >
          {CHOICE_LABEL[c]}
        </button>
      ))}
      <p className="council-ownvote">
        Your delegation's vote: <strong>{poll.ownVote ? CHOICE_LABEL[poll.ownVote] : 'not cast yet'}</strong>
      </p>
      {vote.error && (
        <p role="alert" className="error">
          {vote.error}
        </p>
      )}
    </fieldset>
  );
}

function StandingView({ standing, names }: { standing: Standing; names: Map<string, string> }) {
  const nameOf = (m: string) => names.get(m) ?? m;
  const { current, ceiling, presence } = standing.scenarios;
  return (
    <div className="council-standing">
      <p>
        Present: {standing.present.length} of {standing.eligible}. Voted: {standing.voted.length}.
      </p>
      {current ? (
        <TallyBars scenario={current} caption="Votes so far (present non-voters abstaining)" />
      ) : (
        <TallyBars
          scenario={presence}
          caption="Secret ballot — no running tally. If every present delegation voted yes, the motion"
        />
      )}
      {ceiling && (
        <p>
          If every present delegation that has not voted voted yes, the motion{' '}
          <strong>{ceiling.adopted ? 'would be adopted' : 'would still not be adopted'}</strong>.
        </p>
      )}
      <details>
        <summary>Not voted yet: {standing.notVoted.length}</summary>
        <p className="council-notvoted">{standing.notVoted.map(nameOf).join(', ') || 'everyone has voted'}</p>
      </details>
    </div>
  );
}
