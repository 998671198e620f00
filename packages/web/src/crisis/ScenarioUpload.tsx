import { parseScenario } from '@concert/engine';
import { useState } from 'react';
import { FileDrop, ProblemReport } from '../uploads/FileDrop.tsx';
import { type FileProblem, MAX_FILE_BYTES, pastedTooLarge, problemOf } from '../uploads/problem.ts';
import { setUpload } from '../uploads/store.ts';

/**
 * The user's own scenario file, validated on the page by the engine exactly as `concert simulate file.yaml`
 * validates it; a valid one joins the session's uploads and is selected.
 */
export function ScenarioUpload({ onUploaded }: { onUploaded: () => void }) {
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const read = (text: string, source: string) => {
    const big = pastedTooLarge(text, source, 'scenarios');
    if (big) return setProblem(big);
    try {
      const scenario = parseScenario(text, { source });
      setProblem(null);
      setUpload({ scenario: { scenario, source } });
      onUploaded();
    } catch (e) {
      setProblem(problemOf(e, source));
    }
  };
  return (
    <details className="panel upload-panel" open={problem !== null ? true : undefined}>
      <summary>Play your own scenario file</summary>
      <p className="muted">
        A scenario in YAML or JSON (docs/crisis.md, "Scenario files"), up to {MAX_FILE_BYTES / 1024 / 1024}{' '}
        MiB. It is read here in the browser, sent nowhere and kept only until the page is reloaded.
      </p>
      <FileDrop
        id="scenario-upload"
        label="Scenario file"
        what="scenarios"
        pasteLabel="Or paste the scenario's text"
        checkLabel="Play pasted scenario"
        onText={read}
        onProblem={setProblem}
      />
      {problem ? <ProblemReport problem={problem} /> : null}
    </details>
  );
}
