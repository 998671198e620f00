import { useResource } from './hooks.ts';
import type { InstitutionSummary } from './types.ts';

/** Which institution to look at, for users not tied to one (the secretariat, presidency, observers). */
export function InstitutionSelect({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const institutions = useResource<InstitutionSummary[]>('/api/institutions');
  return (
    <div className="controls">
      <label>
        Institution
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          {(institutions.data ?? [{ id: value, name: value }]).map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
