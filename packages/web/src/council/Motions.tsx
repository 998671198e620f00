import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type User } from '../api.ts';
import { useAction } from './hooks.ts';
import { PollPanel } from './Poll.tsx';
import type { Category, Motion, PollSummary } from './types.ts';

const canTable = (user: User) =>
  user.role === 'presidency' || (user.role === 'delegate' && !!user.delegation);

/** Tables a motion under one of the body's decision categories (which fixes its rule). */
export function TableMotion({
  sessionId,
  categories,
  onTabled,
}: {
  sessionId: number;
  categories: Category[];
  onTabled: (motion: Motion) => void;
}) {
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');
  const table = useAction((b: { category: string; text: string }) =>
    api.post<Motion>(`/api/sessions/${sessionId}/motions`, b),
  );
  const chosen = category || categories[0]?.id || '';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const motion = await table.run({ category: chosen, text });
    if (motion) {
      setText('');
      onTabled(motion);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="table-motion-title">
      <h3 id="table-motion-title">Table a motion</h3>
      <div className="controls">
        <label>
          Decision category
          <select value={chosen} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.ballot === 'secret' ? 'secret ballot' : 'roll call'})
              </option>
            ))}
          </select>
        </label>
        <label>
          Motion text
          <textarea
            required
            rows={2}
            cols={50}
            maxLength={10_000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="submit" aria-disabled={table.pending}>
          {table.pending ? 'Tabling…' : 'Table motion'}
        </button>
      </div>
      {table.error && (
        <p role="alert" className="error">
          {table.error}
        </p>
      )}
    </form>
  );
}

export function MotionList({
  sessionId,
  motions,
  polls,
  categories,
  user,
  version,
  names,
  sessionOpen,
  onChange,
}: {
  sessionId: number;
  motions: Motion[];
  polls: PollSummary[];
  categories: Category[];
  user: User;
  version: number;
  names: Map<string, string>;
  sessionOpen: boolean;
  onChange: () => void;
}) {
  const [focusMotion, setFocusMotion] = useState<number | null>(null);
  const [focusPoll, setFocusPoll] = useState<number | null>(null);
  return (
    <section aria-labelledby="motions-title">
      <h2 id="motions-title">Motions</h2>
      {motions.length === 0 && <p>No motions tabled yet.</p>}
      {motions.map((m) => (
        <MotionCard
          key={m.id}
          motion={m}
          poll={latestPoll(polls, m.id)}
          category={categories.find((c) => c.id === m.category)}
          user={user}
          version={version}
          names={names}
          focus={focusMotion === m.id}
          focusPoll={focusPoll}
          onPollOpened={(id) => {
            setFocusPoll(id);
            onChange();
          }}
        />
      ))}
      {sessionOpen && canTable(user) && categories.length > 0 && (
        <TableMotion
          sessionId={sessionId}
          categories={categories}
          onTabled={(m) => {
            setFocusMotion(m.id);
            onChange();
          }}
        />
      )}
    </section>
  );
}

function latestPoll(polls: PollSummary[], motionId: number): PollSummary | undefined {
  return polls.filter((p) => p.motion === motionId).at(-1);
}

function MotionCard({
  motion,
  poll,
  category,
  user,
  version,
  names,
  focus,
  focusPoll,
  onPollOpened,
}: {
  motion: Motion;
  poll: PollSummary | undefined;
  category: Category | undefined;
  user: User;
  version: number;
  names: Map<string, string>;
  focus: boolean;
  focusPoll: number | null;
  onPollOpened: (pollId: number) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const open = useAction(() => api.post<{ id: number }>(`/api/motions/${motion.id}/polls`));
  return (
    <article className="council-motion panel" aria-labelledby={`motion-${motion.id}-title`}>
      <h3 id={`motion-${motion.id}-title`} ref={heading} tabIndex={-1}>
        Motion {motion.id}: {category?.name ?? motion.category}
      </h3>
      <p className="council-motion-text">{motion.text}</p>
      <p className="muted">
        Category: {motion.category}
        {motion.sponsor
          ? ` · sponsor: ${names.get(motion.sponsor.split(':')[1] ?? '') ?? motion.sponsor}`
          : ''}
      </p>
      {!poll && user.role === 'presidency' && (
        <div className="council-actions">
          <button
            type="button"
            aria-disabled={open.pending}
            onClick={async () => {
              const p = await open.run();
              if (p) onPollOpened(p.id);
            }}
          >
            {open.pending ? 'Opening poll…' : 'Open poll'}
          </button>
          {open.error && (
            <p role="alert" className="error">
              {open.error}
            </p>
          )}
        </div>
      )}
      {!poll && user.role !== 'presidency' && <p className="muted">No poll yet.</p>}
      {poll && (
        <PollPanel
          pollId={poll.id}
          motionId={motion.id}
          user={user}
          version={version}
          names={names}
          focus={focusPoll === poll.id}
        />
      )}
    </article>
  );
}
