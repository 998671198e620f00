import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, api, type User } from '../api.ts';
import { messageOf, useResource } from '../council/hooks.ts';
import { InstitutionSelect } from '../council/InstitutionSelect.tsx';
import { nameOf } from '../map/StateMap.tsx';
import type { ChangeView, ZoneView } from '../map/territory.ts';
import { routeHref } from '../router.ts';
import { ownState } from './actions.ts';
import {
  type BorderChangeForm,
  borderChangeBody,
  EQUIPMENT,
  type Equipment,
  stateList,
  territoryRights,
  type ViolationForm,
  violationBody,
  type ZoneForm,
  zoneBody,
} from './territory-forms.ts';

interface Check {
  check: string;
  ok: boolean;
  detail: string;
  cite: string;
}
interface MissionCheck {
  ok: boolean;
  size: { states: number; atLeast: number };
  partial: { state: string; reasons: string[] }[];
  cite: string;
}
interface Incident {
  day: number;
  type: string;
  severity: number;
  place: string;
  by: string;
  text: string;
}
interface Violations {
  scenarioStart: string | null;
  violations: {
    id: number;
    zone: string;
    date: string;
    by: string;
    place: string;
    excess: Record<string, number>;
    recordedBy: string;
  }[];
  incidents: Incident[];
}

/** What the server answered to a form: accepted (with what to show) or refused in its own words. */
type Outcome = { ok: true; body: ReactNode } | { ok: false; message: string; detail?: ReactNode } | null;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The territorial registry of an institution, acted on from the browser: request a border change, establish a
 * demilitarized zone, report a violation, and take the violations to the crisis simulator. The engine, through
 * the server, accepts or refuses each; the page shows its answer and its reasons.
 */
export function TerritoryDesk({
  user,
  institution,
  onInstitution,
}: {
  user: User;
  institution: string;
  onInstitution: (id: string) => void;
}) {
  const [version, setVersion] = useState(0);
  const q = `institution=${encodeURIComponent(institution)}`;
  const zones = useResource<ZoneView[]>(`/api/territory/zones?${q}`, version);
  const changes = useResource<(ChangeView & { assessment: { checks: Check[] } })[]>(
    `/api/territory/border-changes?${q}`,
    version,
  );
  const rights = territoryRights(user, institution);
  const changed = () => setVersion((v) => v + 1);
  return (
    <section aria-labelledby="territory-title" className="territory-desk">
      <p>
        <a href={routeHref('disputes', { institution })}>← Registry of cases</a> ·{' '}
        <a href={routeHref('map', { colour: 'territory', charter: institution })}>
          the territory layer of the map
        </a>
      </p>
      <h2 id="territory-title">Territory of {institution}</h2>
      {!user.institution && <InstitutionSelect value={institution} onChange={onInstitution} />}
      <p className="muted">
        Border changes, demilitarized zones and the violations reported against them. The engine decides: a
        change needs every state concerned to agree and, under this charter, a supervised referendum meeting
        its conditions; a zone's monitoring mission must be large enough and neutral towards the zone's
        states.
      </p>
      {!rights.change && !rights.zone && !rights.violation && (
        <p className="muted">
          Only delegations and the secretariat act on the registry; you can follow it here and on the map.
        </p>
      )}
      <Registry zones={zones.data} changes={changes.data} error={zones.error ?? changes.error} />
      {rights.change && <BorderChange user={user} institution={institution} onDone={changed} />}
      {rights.zone && <Zone institution={institution} onDone={changed} />}
      {rights.violation && (
        <Violation user={user} institution={institution} zones={zones.data ?? []} onDone={changed} />
      )}
      <Incidents institution={institution} version={version} />
    </section>
  );
}

function Registry({
  zones,
  changes,
  error,
}: {
  zones: ZoneView[] | null;
  changes: ChangeView[] | null;
  error: string | null;
}) {
  return (
    <section aria-labelledby="registry-now">
      <h3 id="registry-now">In the registry</h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h4>Accepted border changes</h4>
      {changes?.length === 0 && <p className="muted">None.</p>}
      <ul data-testid="accepted-changes">
        {changes?.map((c) => (
          <li key={c.id}>
            <strong>{c.request.area.name}</strong>: {nameOf(c.request.area.from)} →{' '}
            {nameOf(c.request.area.to)} from {c.effective} ({c.id})
            {c.request.referendum ? `; referendum of ${c.request.referendum.date}` : ''}
          </li>
        ))}
      </ul>
      <h4>Demilitarized zones</h4>
      {zones?.length === 0 && <p className="muted">None.</p>}
      <ul data-testid="zones">
        {zones?.map((z) => (
          <li key={z.id}>
            <strong>{z.name}</strong> ({z.id}; {z.states.map(nameOf).join(' – ')}; since {z.established});
            mission {z.mission.name}: {z.mission.states.map(nameOf).join(', ')}
            {z.missionCheck
              ? ` — ${z.missionCheck.ok ? 'neutral' : 'does not qualify'}, ${z.missionCheck.size.states} states (at least ${z.missionCheck.size.atLeast})`
              : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Runs a POST and turns the answer into an Outcome; a refusal keeps the server's words. */
function useSubmit() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState(false);
  const submit = async <T,>(
    path: string,
    body: unknown,
    accepted: (r: T) => ReactNode,
    refused?: (e: ApiError) => ReactNode,
  ) => {
    if (pending) return false;
    setPending(true);
    setOutcome(null);
    try {
      const r = await api.post<T>(path, body);
      setOutcome({ ok: true, body: accepted(r) });
      return true;
    } catch (e) {
      setOutcome({
        ok: false,
        message: messageOf(e),
        ...(e instanceof ApiError && refused ? { detail: refused(e) } : {}),
      });
      return false;
    } finally {
      setPending(false);
    }
  };
  return { outcome, pending, submit };
}

function Answer({ outcome, label }: { outcome: Outcome; label: string }) {
  if (!outcome) return null;
  return outcome.ok ? (
    <div role="status" className="answer accepted" aria-label={`${label}: accepted`}>
      {outcome.body}
    </div>
  ) : (
    <div role="alert" className="answer refused" aria-label={`${label}: refused`}>
      <p className="error">{outcome.message}</p>
      {outcome.detail}
    </div>
  );
}

function Checks({ checks }: { checks: Check[] }) {
  return (
    <ul className="checks">
      {checks.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the engine lists checks in a fixed order, some twice (one per state)
        <li key={i}>
          {c.ok ? '✓' : '✗'} <strong>{c.check}</strong>: {c.detail} <span className="cite">({c.cite})</span>
        </li>
      ))}
    </ul>
  );
}

function Field(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  required?: boolean;
  size?: number;
  placeholder?: string;
}) {
  return (
    <label>
      {props.label}
      <input
        type={props.type ?? 'text'}
        required={props.required}
        size={props.size}
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

function Forces({
  legend,
  values,
  onChange,
}: {
  legend: string;
  values: Partial<Record<Equipment, string>>;
  onChange: (v: Partial<Record<Equipment, string>>) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="controls">
        {EQUIPMENT.map((kind) => (
          <label key={kind}>
            {kind}
            <input
              inputMode="numeric"
              size={5}
              value={values[kind] ?? ''}
              onChange={(e) => onChange({ ...values, [kind]: e.target.value })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function BorderChange({
  user,
  institution,
  onDone,
}: {
  user: User;
  institution: string;
  onDone: () => void;
}) {
  const own = ownState(user, institution);
  const [f, setF] = useState<BorderChangeForm>(() => ({
    id: '',
    title: '',
    area: '',
    from: own ?? '',
    to: '',
    areaKm2: '',
    concerned: '',
    requested: today(),
    effective: '',
    agreements: {},
    referendum: null,
    note: '',
  }));
  const set = (patch: Partial<BorderChangeForm>) => setF((x) => ({ ...x, ...patch }));
  const concerned = stateList(f.concerned || `${f.from} ${f.to}`);
  const r = f.referendum;
  const setR = (patch: Partial<NonNullable<BorderChangeForm['referendum']>>) =>
    setF((x) => ({ ...x, referendum: { ...x.referendum!, ...patch } }));
  const { outcome, pending, submit } = useSubmit();
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const change = borderChangeBody({ ...f, concerned: concerned.join(' ') });
    const ok = await submit<{ id: string; effective: string; assessment: { checks: Check[] } }>(
      '/api/territory/border-changes',
      { institution, change },
      (res) => (
        <>
          <p>
            Accepted: border change <strong>{res.id}</strong> enters the registry from {res.effective}.
          </p>
          <Checks checks={res.assessment.checks} />
        </>
      ),
      (err) => {
        const checks = (err.body?.assessment as { checks?: Check[] } | undefined)?.checks;
        return checks ? <Checks checks={checks} /> : null;
      },
    );
    if (ok) onDone();
  };
  return (
    <form className="panel" onSubmit={send} aria-labelledby="change-title">
      <h3 id="change-title">Request a border change</h3>
      <div className="controls">
        <Field label="Request id" value={f.id} onChange={(id) => set({ id })} required />
        <Field label="Title" value={f.title} onChange={(title) => set({ title })} />
        <Field label="Area" value={f.area} onChange={(area) => set({ area })} required />
        <Field label="From (state)" value={f.from} onChange={(from) => set({ from })} size={5} required />
        <Field label="To (state)" value={f.to} onChange={(to) => set({ to })} size={5} required />
        <Field label="Area in km²" value={f.areaKm2} onChange={(areaKm2) => set({ areaKm2 })} size={7} />
        <Field
          label="States concerned"
          value={f.concerned}
          onChange={(c) => set({ concerned: c })}
          placeholder={concerned.join(', ') || 'from and to'}
        />
        <Field
          label="Requested"
          type="date"
          value={f.requested}
          onChange={(requested) => set({ requested })}
          required
        />
        <Field
          label="Effective"
          type="date"
          value={f.effective}
          onChange={(effective) => set({ effective })}
          required
        />
      </div>
      <fieldset>
        <legend>Agreements of the states concerned ({concerned.join(', ') || 'name the states'})</legend>
        {concerned.map((s) => (
          <div className="controls" key={s}>
            <Field
              label={`Agreement of ${s}: date`}
              type="date"
              value={f.agreements[s]?.date ?? ''}
              onChange={(date) =>
                set({ agreements: { ...f.agreements, [s]: { instrument: '', ...f.agreements[s], date } } })
              }
            />
            <Field
              label={`Agreement of ${s}: instrument`}
              value={f.agreements[s]?.instrument ?? ''}
              onChange={(instrument) =>
                set({ agreements: { ...f.agreements, [s]: { date: '', ...f.agreements[s], instrument } } })
              }
            />
          </div>
        ))}
        <p className="muted">A state with no date has not agreed.</p>
      </fieldset>
      <fieldset>
        <legend>Referendum</legend>
        <label>
          <input
            type="checkbox"
            checked={r !== null}
            onChange={(e) =>
              set({
                referendum: e.target.checked
                  ? {
                      date: '',
                      supervisedBy: '',
                      observers: '',
                      registered: '',
                      votesCast: '',
                      valid: '',
                      yes: '',
                    }
                  : null,
              })
            }
          />{' '}
          A referendum was held
        </label>
        {r && (
          <div className="controls">
            <Field
              label="Referendum date"
              type="date"
              value={r.date}
              onChange={(date) => setR({ date })}
              required
            />
            <Field
              label="Supervised by"
              value={r.supervisedBy}
              onChange={(supervisedBy) => setR({ supervisedBy })}
            />
            <Field
              label="Observer mission (states)"
              value={r.observers}
              onChange={(observers) => setR({ observers })}
            />
            <Field
              label="Registered voters"
              value={r.registered}
              onChange={(registered) => setR({ registered })}
              size={8}
            />
            <Field
              label="Votes cast"
              value={r.votesCast}
              onChange={(votesCast) => setR({ votesCast })}
              size={8}
            />
            <Field label="Valid votes" value={r.valid} onChange={(valid) => setR({ valid })} size={8} />
            <Field label="Yes votes" value={r.yes} onChange={(yes) => setR({ yes })} size={8} />
          </div>
        )}
      </fieldset>
      <div className="controls">
        <Field label="Note" value={f.note} onChange={(note) => set({ note })} />
        <button type="submit" aria-disabled={pending}>
          {pending ? 'Sending…' : 'Request the change'}
        </button>
      </div>
      <Answer outcome={outcome} label="Border change" />
    </form>
  );
}

function Zone({ institution, onDone }: { institution: string; onDone: () => void }) {
  const [f, setF] = useState<ZoneForm>(() => ({
    id: '',
    name: '',
    area: '',
    states: '',
    established: today(),
    limits: {},
    missionName: '',
    missionStates: '',
    cite: '',
  }));
  const set = (patch: Partial<ZoneForm>) => setF((x) => ({ ...x, ...patch }));
  const { outcome, pending, submit } = useSubmit();
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit<{ zone: ZoneView; mission: MissionCheck }>(
      '/api/territory/zones',
      { institution, zone: zoneBody(f) },
      (res) => (
        <>
          <p>
            Established: <strong>{res.zone.name}</strong> from {res.zone.established}.
          </p>
          <MissionAnswer mission={res.mission} />
        </>
      ),
      (err) => (err.body?.mission ? <MissionAnswer mission={err.body.mission as MissionCheck} /> : null),
    );
    if (ok) onDone();
  };
  return (
    <form className="panel" onSubmit={send} aria-labelledby="zone-title">
      <h3 id="zone-title">Establish a demilitarized zone</h3>
      <div className="controls">
        <Field label="Zone id" value={f.id} onChange={(id) => set({ id })} required />
        <Field label="Zone name" value={f.name} onChange={(name) => set({ name })} required />
        <Field label="Zone area" value={f.area} onChange={(area) => set({ area })} required />
        <Field label="Zone states" value={f.states} onChange={(states) => set({ states })} required />
        <Field
          label="Established"
          type="date"
          value={f.established}
          onChange={(established) => set({ established })}
          required
        />
      </div>
      <Forces
        legend="Limits (most present in the zone; blank: not limited)"
        values={f.limits}
        onChange={(limits) => set({ limits })}
      />
      <div className="controls">
        <Field
          label="Mission name"
          value={f.missionName}
          onChange={(missionName) => set({ missionName })}
          required
        />
        <Field
          label="Mission states"
          value={f.missionStates}
          onChange={(missionStates) => set({ missionStates })}
          required
        />
        <Field label="Citation" value={f.cite} onChange={(cite) => set({ cite })} />
        <button type="submit" aria-disabled={pending}>
          {pending ? 'Sending…' : 'Establish the zone'}
        </button>
      </div>
      <Answer outcome={outcome} label="Zone" />
    </form>
  );
}

function MissionAnswer({ mission }: { mission: MissionCheck }) {
  return (
    <div data-testid="mission-check">
      <p>
        Monitoring mission: {mission.size.states} states (the charter asks at least {mission.size.atLeast});{' '}
        {mission.partial.length === 0 ? 'every one neutral towards the zone’s states.' : 'not neutral:'}{' '}
        <span className="cite">({mission.cite})</span>
      </p>
      {mission.partial.length > 0 && (
        <ul>
          {mission.partial.map((p) => (
            <li key={p.state}>
              {nameOf(p.state)}: {p.reasons.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Violation({
  user,
  institution,
  zones,
  onDone,
}: {
  user: User;
  institution: string;
  zones: ZoneView[];
  onDone: () => void;
}) {
  const own = ownState(user, institution);
  const [zone, setZone] = useState('');
  const [f, setF] = useState<ViolationForm>(() => ({
    date: today(),
    by: '',
    on: '',
    area: '',
    reportedBy: own ?? 'mission',
    place: '',
    observed: {},
    note: '',
  }));
  const set = (patch: Partial<ViolationForm>) => setF((x) => ({ ...x, ...patch }));
  const { outcome, pending, submit } = useSubmit();
  const chosen = zone || zones[0]?.id || '';
  if (zones.length === 0)
    return (
      <section className="panel" aria-labelledby="violation-title">
        <h3 id="violation-title">Report a violation</h3>
        <p className="muted">No zone is established yet: a violation is reported against a zone.</p>
      </section>
    );
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await submit<{ id: number; excess: Record<string, number> }>(
      `/api/territory/zones/${encodeURIComponent(chosen)}/violations`,
      { institution, violation: violationBody({ ...f, reportedBy: own ?? f.reportedBy }) },
      (res) => (
        <p>
          Recorded as violation {res.id}: over the limits by{' '}
          {Object.entries(res.excess)
            .map(([k, n]) => `${n} ${k}`)
            .join(', ')}
          . Its crisis incident is listed below.
        </p>
      ),
    );
    if (ok) onDone();
  };
  return (
    <form className="panel" onSubmit={send} aria-labelledby="violation-title">
      <h3 id="violation-title">Report a violation</h3>
      <div className="controls">
        <label>
          Zone
          <select value={chosen} onChange={(e) => setZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </select>
        </label>
        <Field
          label="Date of the violation"
          type="date"
          value={f.date}
          onChange={(date) => set({ date })}
          required
        />
        <Field label="Forces of (state)" value={f.by} onChange={(by) => set({ by })} size={5} required />
        <Field
          label="On the territory of (state, optional)"
          value={f.on}
          onChange={(on) => set({ on })}
          size={5}
        />
        <Field label="Area transferred (optional)" value={f.area} onChange={(area) => set({ area })} />
        {own ? (
          <p>
            Reported by <strong>{nameOf(own)}</strong>
          </p>
        ) : (
          <Field
            label="Reported by"
            value={f.reportedBy}
            onChange={(reportedBy) => set({ reportedBy })}
            size={8}
            required
          />
        )}
        <Field label="Place" value={f.place} onChange={(place) => set({ place })} required />
      </div>
      <Forces legend="Forces observed" values={f.observed} onChange={(observed) => set({ observed })} />
      <div className="controls">
        <Field label="Note" value={f.note} onChange={(note) => set({ note })} />
        <button type="submit" aria-disabled={pending}>
          {pending ? 'Sending…' : 'Report the violation'}
        </button>
      </div>
      <Answer outcome={outcome} label="Violation" />
    </form>
  );
}

/** The violations as crisis incidents, and the whole scenario the server writes from them for download. */
function Incidents({ institution, version }: { institution: string; version: number }) {
  const [start, setStart] = useState('');
  const q = `institution=${encodeURIComponent(institution)}${start ? `&scenarioStart=${start}` : ''}`;
  const v = useResource<Violations>(`/api/territory/violations?${q}`, version);
  const [scenario, setScenario] = useState<{ for: string; id?: string; error?: string } | null>(null);
  const check = async () => {
    try {
      const s = await api.get<{ id: string; incidents: unknown[] }>(
        `/api/territory/scenario?${q}&format=json`,
      );
      setScenario({ for: q, id: s.id });
    } catch (e) {
      setScenario({ for: q, error: messageOf(e) });
    }
  };
  const ready = scenario?.for === q && scenario.id;
  return (
    <section aria-labelledby="incidents-title">
      <h3 id="incidents-title">Violations as crisis incidents</h3>
      {v.error && (
        <p role="alert" className="error">
          {v.error}
        </p>
      )}
      {v.data && v.data.incidents.length === 0 && <p className="muted">No violation reported yet.</p>}
      {v.data && v.data.incidents.length > 0 && (
        <>
          <div className="controls">
            <Field
              label="Day 0 of the scenario"
              type="date"
              value={start || (v.data.scenarioStart ?? '')}
              onChange={setStart}
            />
          </div>
          <table data-testid="incidents">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Type</th>
                <th scope="col">Severity</th>
                <th scope="col">Forces of</th>
                <th scope="col">On the territory of</th>
                <th scope="col">Incident</th>
              </tr>
            </thead>
            <tbody>
              {v.data.incidents.map((x, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: incidents come in the server's fixed order
                <tr key={i}>
                  <td>{x.day}</td>
                  <td>{x.type}</td>
                  <td>{x.severity}</td>
                  <td>{nameOf(x.by)}</td>
                  <td>{nameOf(x.place)}</td>
                  <td>{x.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            The server writes the scenario with the engine's <code>scenarioFromDmz</code>, as{' '}
            <code>concert territory incidents</code> does from a DMZ file; <code>concert simulate</code> reads
            it as is.
          </p>
          <div className="controls">
            <button type="button" className="secondary" onClick={check}>
              Prepare the crisis scenario
            </button>
            {ready && (
              <a href={`/api/territory/scenario?${q}`} download={`${scenario.id}.yaml`}>
                Download {scenario.id}.yaml
              </a>
            )}
          </div>
          {scenario?.for === q && scenario.error && (
            <p role="alert" className="error">
              {scenario.error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
