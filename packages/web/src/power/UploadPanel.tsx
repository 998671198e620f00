import { parseCharterOrGame } from '@concert/engine';
import { useState } from 'react';
import { FileDrop, ProblemReport } from '../uploads/FileDrop.tsx';
import { type FileProblem, MAX_FILE_BYTES, pastedTooLarge, problemOf } from '../uploads/problem.ts';
import { setUpload } from '../uploads/store.ts';

/**
 * The user's own charter or standalone game file (the two formats `concert power` takes), read on the page by the
 * engine. A valid one joins the session's uploads and is selected; the worker then gets plain players and a rule,
 * as for a built-in charter.
 */
export function UploadPanel({ onUploaded }: { onUploaded: (kind: 'charter' | 'game') => void }) {
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const read = (text: string, source: string) => {
    const big = pastedTooLarge(text, source, 'charters');
    if (big) return setProblem(big);
    try {
      const loaded = parseCharterOrGame(text, { source });
      setProblem(null);
      if (loaded.kind === 'game') setUpload({ game: { game: loaded.game, source } });
      else setUpload({ charter: { charter: loaded.charter, source } });
      onUploaded(loaded.kind);
    } catch (e) {
      setProblem(problemOf(e, source));
    }
  };
  return (
    <details className="panel upload-panel" open={problem !== null ? true : undefined}>
      <summary>Analyse your own charter or game file</summary>
      <p className="muted">
        A charter (docs/charter-language.md) or a game file (players and one rule), YAML or JSON, up to{' '}
        {MAX_FILE_BYTES / 1024 / 1024} MiB. It is read here in the browser, sent nowhere and kept only until
        the page is reloaded; the address names it only as "upload".
      </p>
      <FileDrop
        id="power-upload"
        label="Charter or game file"
        what="charters"
        pasteLabel="Or paste the charter's or game's text"
        checkLabel="Analyse pasted text"
        onText={read}
        onProblem={setProblem}
      />
      {problem ? <ProblemReport problem={problem} /> : null}
    </details>
  );
}
