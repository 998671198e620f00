import { useState } from 'react';
import { CharterDetail } from './CharterDetail.tsx';
import { MAX_CHARTER_BYTES, tooLarge, type Validation, validateCharterText } from './validate.ts';

/** A charter from a file (picked or dropped) or pasted text, validated by the engine. */
export function CharterUpload() {
  const [result, setResult] = useState<Validation | null>(null);
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);

  const readFile = async (file: File) => {
    // Refused before reading, as the CLI and the engine's reader do.
    if (file.size > MAX_CHARTER_BYTES) return setResult(tooLarge(file.name, file.size));
    setResult(validateCharterText(await file.text(), file.name));
  };

  return (
    <section aria-labelledby="upload-title" className="charter-upload">
      <h2 id="upload-title">Check a charter</h2>
      <p className="muted">
        A charter in YAML or JSON (the charter language, docs/charter-language.md), up to{' '}
        {MAX_CHARTER_BYTES / 1024 / 1024} MiB. It is checked here in the browser and sent nowhere.
      </p>
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
        <label htmlFor="charter-file">Charter file (or drop it here)</label>
        <input
          id="charter-file"
          type="file"
          accept=".yaml,.yml,.json,application/json,text/yaml"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void readFile(file);
          }}
        />
      </div>
      <label htmlFor="charter-paste">Or paste the charter's text</label>
      <textarea
        id="charter-paste"
        rows={8}
        spellCheck={false}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
      />
      <div className="controls">
        <button
          type="button"
          disabled={!pasted.trim()}
          onClick={() => setResult(validateCharterText(pasted, 'pasted.yaml'))}
        >
          Check pasted text
        </button>
      </div>
      {result ? <ValidationReport result={result} /> : null}
    </section>
  );
}

function ValidationReport({ result }: { result: Validation }) {
  if (!result.ok) {
    const where = [
      result.line !== undefined
        ? `line ${result.line}${result.column !== undefined ? `, column ${result.column}` : ''}`
        : null,
      result.path ? `at ${result.path}` : null,
    ].filter(Boolean);
    return (
      <div className="panel validation-error" role="alert">
        <p className="error">
          {result.source}
          {where.length ? ` (${where.join(', ')})` : ''}: {result.message}
        </p>
        {result.hint ? <p>Hint: {result.hint}</p> : null}
      </div>
    );
  }
  return (
    <div className="validation-ok">
      <p role="status" className="ok-text">
        {result.source} is a valid charter: {result.charter.bodies.length} bodies,{' '}
        {result.charter.bodies.reduce((n, b) => n + b.categories.length, 0)} decision rules,{' '}
        {result.memberCount} members on {result.charter.reference_date}.
      </p>
      <CharterDetail charter={result.charter} memberCount={result.memberCount} />
    </div>
  );
}
