import { builtinCharter, builtinCharterIds, institutionOn } from '@concert/engine';
import { useMemo } from 'react';
import { routeHref } from '../router.ts';
import { CharterDetail } from './CharterDetail.tsx';
import { CharterUpload } from './CharterUpload.tsx';
import './charters.css';

/** The built-in charters listed, one shown in full (`#/charters?id=…`), and a charter checker. */
export function CharterBrowser({ params }: { params: URLSearchParams }) {
  const ids = builtinCharterIds();
  const asked = params.get('id');
  const id = asked && ids.includes(asked) ? asked : null;
  const charter = id ? builtinCharter(id) : null;
  const memberCount = useMemo(
    () => (charter ? institutionOn(charter, charter.reference_date).members.length : null),
    [charter],
  );
  return (
    <div className="charter-browser">
      <nav aria-label="Built-in charters" className="charter-list">
        <h2>Built-in charters</h2>
        <ul>
          {ids.map((cid) => {
            const c = builtinCharter(cid);
            return (
              <li key={cid}>
                <a href={routeHref('charters', { id: cid })} aria-current={cid === id ? 'page' : undefined}>
                  {c.short_name ?? c.name}
                </a>{' '}
                <span className="muted">({c.status.kind})</span>
              </li>
            );
          })}
        </ul>
        <p>
          <a href={routeHref('charters', { upload: '1' })}>Check a charter file…</a>
        </p>
      </nav>
      <div className="charter-main">
        {asked && !id ? (
          <p className="error" role="alert">
            No built-in charter "{asked}".
          </p>
        ) : null}
        {charter ? <CharterDetail charter={charter} memberCount={memberCount} /> : null}
        {!charter ? <CharterUpload /> : null}
      </div>
    </div>
  );
}
