import { dateOfIndex, dayIndex, today } from './dates.ts';
import { FRAMES, type FrameId } from './frames.ts';
import type { RuleChoice } from './power-rule.ts';

export const COLOURINGS = [
  { id: 'nato', label: 'NATO membership' },
  { id: 'eu', label: 'EU membership' },
  { id: 'csto', label: 'CSTO membership' },
  { id: 'osce', label: 'OSCE participation' },
  { id: 'continental', label: 'Continental alliance (proposal) membership' },
  { id: 'coverage', label: 'Legally binding defence coverage' },
  { id: 'power', label: 'Voting power under a rule' },
  { id: 'territory', label: 'Territory: contested areas, demilitarized zones, border changes' },
] as const;
export type ColouringId = (typeof COLOURINGS)[number]['id'];

export interface MapSettings {
  date: string;
  colour: ColouringId;
  frame: FrameId;
  bilateral: boolean;
  charter: string;
  body: string;
  category: string;
}

export function MapControls(props: {
  settings: MapSettings;
  /** Undefined until the built-in charters have loaded. */
  rule: RuleChoice | undefined;
  charters: { id: string; name: string }[];
  onChange: (change: Partial<MapSettings>) => void;
}) {
  const { settings, rule, charters, onChange } = props;
  const last = today();
  return (
    <div className="controls date-controls">
      <label>
        Colour by
        <select value={settings.colour} onChange={(e) => onChange({ colour: e.target.value as ColouringId })}>
          {COLOURINGS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Date: {settings.date}
        <input
          type="range"
          min={0}
          max={dayIndex(last)}
          value={dayIndex(settings.date)}
          aria-valuetext={settings.date}
          onChange={(e) => onChange({ date: dateOfIndex(Number(e.target.value)) })}
        />
      </label>
      <label>
        Exact date
        <input
          type="date"
          min="1991-01-01"
          max={last}
          value={settings.date}
          onChange={(e) => e.target.value && onChange({ date: e.target.value })}
        />
      </label>
      <label>
        Frame
        <select value={settings.frame} onChange={(e) => onChange({ frame: e.target.value as FrameId })}>
          {FRAMES.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      {settings.colour === 'coverage' && (
        <label className="inline">
          <span>
            <input
              type="checkbox"
              checked={settings.bilateral}
              onChange={(e) => onChange({ bilateral: e.target.checked })}
            />{' '}
            Include bilateral treaties
          </span>
        </label>
      )}
      <fieldset className="power-rule">
        <legend>
          {settings.colour === 'territory' ? 'Charter (its territory registry)' : 'Voting-power rule'}
        </legend>
        <label>
          Charter
          <select
            value={rule?.request.charter ?? settings.charter}
            disabled={!rule}
            onChange={(e) => onChange({ charter: e.target.value, body: '', category: '' })}
          >
            {charters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Body
          <select
            value={rule?.request.body ?? ''}
            disabled={!rule}
            onChange={(e) => onChange({ body: e.target.value, category: '' })}
          >
            {(rule?.bodies ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Category
          <select
            value={rule?.request.category ?? ''}
            disabled={!rule}
            onChange={(e) => onChange({ category: e.target.value })}
          >
            {(rule?.categories ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </div>
  );
}
