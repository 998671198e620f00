import { useRef, useState } from 'react';
import { routeHref } from '../router.ts';
import { FileDrop, ProblemReport } from '../uploads/FileDrop.tsx';
import { MAX_FILE_BYTES } from '../uploads/problem.ts';
import { setUpload, UPLOADED } from '../uploads/store.ts';
import { CharterDetail } from './CharterDetail.tsx';
import type { Validation } from './validate.ts';

/** A charter from a file (picked or dropped) or pasted text, validated by the engine. */
export function CharterUpload() {
  const [result, setResult] = useState<Validation | null>(null);
  // The reader and the schema (the YAML parser, zod) load with the first file, not with the view: the built-in
  // charters reach the page already parsed. Only the latest file's result is shown.
  const latest = useRef(0);
  const check = async (text: string, source: string) => {
    const ticket = ++latest.current;
    const { validateCharterText } = await import('./validate.ts');
    if (ticket === latest.current) setResult(validateCharterText(text, source));
  };
  return (
    <section aria-labelledby="upload-title" className="charter-upload">
      <h2 id="upload-title">Check a charter</h2>
      <p className="muted">
        A charter in YAML or JSON (the charter language, docs/charter-language.md), up to{' '}
        {MAX_FILE_BYTES / 1024 / 1024} MiB. It is checked here in the browser and sent nowhere.
      </p>
      <FileDrop
        id="charter"
        label="Charter file"
        what="charters"
        pasteLabel="Or paste the charter's text"
        checkLabel="Check pasted text"
        onText={check}
        onProblem={(problem) => {
          latest.current++;
          setResult({ ok: false, ...problem });
        }}
      />
      {result ? <ValidationReport result={result} /> : null}
    </section>
  );
}

function ValidationReport({ result }: { result: Validation }) {
  if (!result.ok) return <ProblemReport problem={result} />;
  const { charter, source } = result;
  const hasLadder = charter.guarantees.some((g) => g.ladder.length > 0);
  // The charter goes to the session's uploads (memory only), and the address names it only as "upload".
  const open = (view: 'power' | 'crisis') => {
    setUpload({ charter: { charter, source } });
    location.hash =
      view === 'power'
        ? routeHref('power', { charter: UPLOADED })
        : routeHref('crisis', { charters: UPLOADED });
  };
  return (
    <div className="validation-ok">
      <p role="status" className="ok-text">
        {source} is a valid charter: {charter.bodies.length} bodies,{' '}
        {charter.bodies.reduce((n, b) => n + b.categories.length, 0)} decision rules, {result.memberCount}{' '}
        members on {charter.reference_date}.
      </p>
      <div className="controls">
        <button type="button" onClick={() => open('power')}>
          Analyse in the power lab
        </button>
        {hasLadder ? (
          <button type="button" className="secondary" onClick={() => open('crisis')}>
            Play crises under it
          </button>
        ) : null}
      </div>
      <CharterDetail charter={charter} memberCount={result.memberCount} />
    </div>
  );
}
