import { type ReactNode, useState } from 'react';
import { FileDrop, ProblemReport } from './FileDrop.tsx';
import { type FileProblem, MAX_FILE_BYTES, pastedTooLarge, problemOf } from './problem.ts';

interface Props {
  /** Prefix of the inputs' ids. */
  id: string;
  summary: string;
  /** What the file may be, in a sentence (the size limit and privacy note are added). */
  intro: ReactNode;
  label: string;
  /** Plural for the size message, e.g. "scenarios". */
  what: string;
  pasteLabel: string;
  checkLabel: string;
  /** Reads the text with the engine and keeps the result; throws the engine's error when it is not valid. */
  accept: (text: string, source: string) => void;
}

/**
 * A folded panel taking the user's own file for a view: read on the page, the engine's problem shown with its
 * line and path, nothing sent anywhere. It stays open while there is a problem to read.
 */
export function UploadPanel({ id, summary, intro, label, what, pasteLabel, checkLabel, accept }: Props) {
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const read = (text: string, source: string) => {
    const big = pastedTooLarge(text, source, what);
    if (big) return setProblem(big);
    try {
      accept(text, source);
      setProblem(null);
    } catch (e) {
      setProblem(problemOf(e, source));
    }
  };
  return (
    <details className="panel upload-panel" open={problem !== null ? true : undefined}>
      <summary>{summary}</summary>
      <p className="muted">
        {intro} Up to {MAX_FILE_BYTES / 1024 / 1024} MiB; it is read here in the browser, sent nowhere, and
        kept only until the page is reloaded (the address names it only as "upload").
      </p>
      <FileDrop
        id={id}
        label={label}
        what={what}
        pasteLabel={pasteLabel}
        checkLabel={checkLabel}
        onText={read}
        onProblem={setProblem}
      />
      {problem ? <ProblemReport problem={problem} /> : null}
    </details>
  );
}
