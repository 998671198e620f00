import type { Player, Rule } from '@concert/engine';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type CheckedRule, checkRule } from './rule-text.ts';

interface Props {
  /** The text to start from (the selected category's rule); replacing it resets the editor. */
  initial: string;
  players: Player[];
  busy: boolean;
  onAnalyse: (rule: Rule) => void;
}

/** A YAML textarea with line numbers, checked as one types with the engine's own messages. */
export function RuleEditor({ initial, players, busy, onAnalyse }: Props) {
  const [text, setText] = useState(initial);
  const [checked, setChecked] = useState<CheckedRule>(() => checkRule(initial, players));
  const gutter = useRef<HTMLPreElement>(null);
  useEffect(() => setText(initial), [initial]);
  useEffect(() => {
    // Short pause so a check does not run on every keystroke.
    const t = setTimeout(() => setChecked(checkRule(text, players)), 250);
    return () => clearTimeout(t);
  }, [text, players]);
  const lines = useMemo(() => text.split('\n').length, [text]);
  const lineNumbers = useMemo(() => Array.from({ length: lines }, (_, i) => i + 1), [lines]);
  const bad = !checked.ok ? checked.problem : null;
  return (
    <div className="rule-editor">
      <label htmlFor="rule-text">Rule (YAML)</label>
      <div className="editor-frame">
        <pre ref={gutter} className="gutter" aria-hidden="true">
          {lineNumbers.map((n) => (
            <span key={n} className={bad?.line === n ? 'bad-line' : undefined}>
              {n}
              {'\n'}
            </span>
          ))}
        </pre>
        <textarea
          id="rule-text"
          spellCheck={false}
          rows={Math.min(24, Math.max(8, lines + 1))}
          value={text}
          aria-invalid={bad ? true : undefined}
          aria-describedby="rule-status"
          onChange={(e) => setText(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      <div id="rule-status" aria-live="polite">
        {bad ? (
          <p className="error" role="alert">
            {bad.line !== undefined
              ? `Line ${bad.line}${bad.column !== undefined ? `, column ${bad.column}` : ''}`
              : 'Rule'}
            {bad.path ? ` (at ${bad.path})` : ''}: {bad.message}
            {bad.hint ? <span className="hint"> Hint: {bad.hint}</span> : null}
          </p>
        ) : (
          <p className="ok-text">The rule is valid for these {players.length} members.</p>
        )}
      </div>
      <div className="controls">
        <button
          type="button"
          disabled={!checked.ok || busy}
          onClick={() => checked.ok && onAnalyse(checked.rule)}
        >
          Analyse edited rule
        </button>
        <button type="button" className="secondary" onClick={() => setText(initial)}>
          Reset to the charter's rule
        </button>
      </div>
    </div>
  );
}
