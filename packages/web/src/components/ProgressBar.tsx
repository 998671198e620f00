/** A long computation's progress bar, with its stage in words and a Cancel button (power lab, crisis ensembles). */
export function ProgressBar({
  name,
  fraction,
  stage,
  onCancel,
  className,
}: {
  name: string;
  fraction: number;
  stage: string;
  onCancel: () => void;
  className: string;
}) {
  const pct = Math.round(fraction * 100);
  return (
    <div className={`${className} panel`} aria-live="polite">
      <div
        role="progressbar"
        aria-label={`${name} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%: ${stage}`}
        className="bar"
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <span>
        {name}: {stage}, {pct}%
      </span>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
