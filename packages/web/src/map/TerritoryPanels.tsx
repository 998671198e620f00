import { nameOf } from './StateMap.tsx';
import { areaById, areasOn, type ServerRegistry } from './territory.ts';
import { useAreaCoverage } from './territory-kit.ts';

const holderName = (holder: string) => (/^[A-Z]{3}$/.test(holder) ? nameOf(holder) : holder);

/** One contested area: the facts and each side's position in its own terms, with its source. */
export function AreaDetails({ id, date, onClose }: { id: string; date: string; onClose: () => void }) {
  const area = areaById(id);
  if (!area) return null;
  const phase = areasOn(date).find((a) => a.area.id === id)?.phase;
  return (
    <section className="panel map-details" aria-labelledby="area-details-title" aria-live="polite">
      <h2 id="area-details-title">{area.name}</h2>
      <p className="muted">
        Contested area{phase ? `, ${phase}` : ''}; shown for {date}.
      </p>
      <dl className="map-facts">
        <dt>Within the internationally recognised borders of</dt>
        <dd>{nameOf(area.recognisedAs)}</dd>
        <dt>Administered by</dt>
        <dd>{holderName(area.administeredBy)}</dd>
        <dt>States concerned</dt>
        <dd>{area.states.map(holderName).join(', ')}</dd>
      </dl>
      <h3>Positions</h3>
      <p className="muted">Each side's position in its own terms, with its source. Concert takes no side.</p>
      <ul className="area-positions">
        {area.positions.map((p) => (
          <li key={p.holder}>
            <strong>{holderName(p.holder)}</strong>: {p.position}{' '}
            <span className="cite">Source: {p.source}</span>
          </li>
        ))}
      </ul>
      <h3>International instruments</h3>
      <ul>
        {area.international.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
      {area.note && <p>{area.note}</p>}
      {area.confidence === 'recalled' && (
        <p className="muted">
          Entered from memory of the named sources (confidence “recalled”): check them before citing.
        </p>
      )}
      <p className="muted">The mark on the map is an approximate point, not a boundary.</p>
      <button type="button" className="secondary" onClick={onClose}>
        Close details
      </button>
    </section>
  );
}

/** The registry as tables: contested areas (each opens its details), zones with their missions, border changes. */
export function TerritoryTables({
  date,
  charter,
  server,
  serverNote,
  selected,
  onArea,
}: {
  date: string;
  charter: string;
  server: ServerRegistry | undefined;
  serverNote: string | undefined;
  selected: string | undefined;
  onArea: (id: string) => void;
}) {
  const zones = (server?.zones ?? []).filter((z) => z.established <= date);
  // Every accepted change is listed, a later one marked so: the coverage sentence says what holds until then.
  const changes = server?.changes ?? [];
  const coverage = useAreaCoverage(charter, date, changes.length > 0);
  return (
    <section aria-labelledby="territory-tables-title" className="territory-tables">
      <h2 id="territory-tables-title" tabIndex={-1}>
        Territory registry on {date}
      </h2>
      <h3>Contested areas</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col">Recognised borders of</th>
            <th scope="col">Administered by</th>
            <th scope="col">On this date</th>
            <th scope="col">States concerned</th>
          </tr>
        </thead>
        <tbody>
          {areasOn(date).map(({ area, phase }) => (
            <tr key={area.id}>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-pressed={selected === area.id}
                  onClick={() => onArea(area.id)}
                >
                  {area.name}
                </button>
              </td>
              <td>{nameOf(area.recognisedAs)}</td>
              <td>{holderName(area.administeredBy)}</td>
              <td>{phase}</td>
              <td>{area.states.map(holderName).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!server && (
        <p className="muted">
          Demilitarized zones and accepted border changes of {charter} come from the server (
          {serverNote ?? 'loading'}).
        </p>
      )}
      {server && (
        <>
          <p>
            <a href={`#/disputes/territory?institution=${encodeURIComponent(charter)}`}>
              Request a border change, establish a zone or report a violation (Disputes → Territory)
            </a>
          </p>
          <h3>Demilitarized zones of {charter}</h3>
          {zones.length === 0 ? (
            <p className="muted">None established on or before {date}.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Zone</th>
                  <th scope="col">States</th>
                  <th scope="col">Since</th>
                  <th scope="col">Limits</th>
                  <th scope="col">Monitoring mission</th>
                  <th scope="col">Violations reported</th>
                </tr>
              </thead>
              <tbody>
                {zones.map((z) => {
                  const reported = server.violations.filter((v) => v.zone === z.id && v.date <= date);
                  return (
                    <tr key={z.id}>
                      <td>
                        {z.name} <span className="muted">({z.area})</span>
                      </td>
                      <td>{z.states.map(nameOf).join(', ')}</td>
                      <td>{z.established}</td>
                      <td>
                        {Object.entries(z.limits)
                          .map(([k, n]) => `${k} ≤ ${n}`)
                          .join(', ')}
                      </td>
                      <td>
                        {z.mission.name}: {z.mission.states.map(nameOf).join(', ')}
                        {z.missionCheck &&
                          ` — ${z.missionCheck.ok ? 'neutral' : 'not neutral'}, ${z.missionCheck.size.states} states (at least ${z.missionCheck.size.atLeast})`}
                      </td>
                      <td>
                        {reported.length === 0
                          ? 'none'
                          : reported.map((v) => `${v.date} ${nameOf(v.by)} at ${v.place}`).join('; ')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <h3>Accepted border changes of {charter}</h3>
          {changes.length === 0 ? (
            <p className="muted">None accepted.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Change</th>
                  <th scope="col">Area</th>
                  <th scope="col">In effect from</th>
                  <th scope="col">Referendum</th>
                  <th scope="col">Holder and coverage on {date}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.id}>
                    <td>{c.request.title ?? c.id}</td>
                    <td>
                      {c.request.area.name}: {nameOf(c.request.area.from)} → {nameOf(c.request.area.to)}
                    </td>
                    <td>
                      {c.effective}
                      {c.effective > date ? ' (not yet in effect)' : ''}
                    </td>
                    <td>
                      {c.request.referendum
                        ? `${c.request.referendum.date}${c.request.referendum.supervised_by ? `, supervised by ${c.request.referendum.supervised_by}` : ''}`
                        : '—'}
                    </td>
                    <td>{coverage.get(c.request.area.name)?.explanation ?? '…'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
