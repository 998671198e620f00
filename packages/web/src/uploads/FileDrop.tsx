import { useState } from 'react';
import './uploads.css';
import { type FileProblem, MAX_FILE_BYTES, pastedTooLarge, tooLarge } from './problem.ts';

interface Props {
  /** Prefix of the inputs' ids (one page may hold two). */
  id: string;
  /** What the file is, e.g. "Charter file"; the paste box says "Or paste the …'s text". */
  label: string;
  /** Plural for the size message, e.g. "charters". */
  what: string;
  pasteLabel: string;
  checkLabel: string;
  /** The text and its name; a file over the limit never reaches this (`onProblem` gets it instead). */
  onText: (text: string, source: string) => void;
  onProblem: (problem: FileProblem) => void;
}

/** A YAML or JSON document from a picked or dropped file, or pasted text; refused over 1 MiB before reading. */
export function FileDrop({ id, label, what, pasteLabel, checkLabel, onText, onProblem }: Props) {
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const readFile = async (file: File) => {
    // Refused before reading, as the CLI and the engine's reader do.
    if (file.size > MAX_FILE_BYTES) return onProblem(tooLarge(file.name, file.size, what));
    onText(await file.text(), file.name);
  };
  const checkPasted = () => {
    const big = pastedTooLarge(pasted, 'pasted.yaml', what);
    if (big) onProblem(big);
    else onText(pasted, 'pasted.yaml');
  };
  return (
    <div className="file-drop">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the keyboard and screen-reader path */}
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void readFile(file);
        }}
      >
        <label htmlFor={`${id}-file`}>{label} (or drop it here)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".yaml,.yml,.json,application/json,text/yaml"
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so that picking the same file again (after fixing it) reads it again.
            e.target.value = '';
            if (file) void readFile(file);
          }}
        />
      </div>
      <label htmlFor={`${id}-paste`}>{pasteLabel}</label>
      <textarea
        id={`${id}-paste`}
        rows={8}
        spellCheck={false}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
      />
      <div className="controls">
        <button type="button" disabled={!pasted.trim()} onClick={checkPasted}>
          {checkLabel}
        </button>
      </div>
    </div>
  );
}

/** A problem as one alert: the file, where (line, column, path) and the engine's message and hint. */
export function ProblemReport({ problem }: { problem: FileProblem }) {
  const where = [
    problem.line !== undefined
      ? `line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}`
      : null,
    problem.path ? `at ${problem.path}` : null,
  ].filter(Boolean);
  return (
    <div className="panel validation-error" role="alert">
      <p className="error">
        {problem.source}
        {where.length ? ` (${where.join(', ')})` : ''}: {problem.message}
      </p>
      {problem.hint ? <p>Hint: {problem.hint}</p> : null}
    </div>
  );
}
