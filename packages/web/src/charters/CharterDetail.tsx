import type { Body, Charter, CharterGuarantee } from '@concert/engine';
import { Cited } from './Cited.tsx';
import { clausesOf } from './rule-clauses.ts';

const ROADMAP_TOPICS = ['safeguards', 'roadmap'];

/** Every part of a charter that decides or guarantees something, each with the article it encodes. */
export function CharterDetail({ charter, memberCount }: { charter: Charter; memberCount: number | null }) {
  return (
    <article className="charter-detail" aria-labelledby="charter-title">
      <h2 id="charter-title">{charter.name}</h2>
      <p>{charter.summary}</p>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {charter.status.kind}
          {charter.status.in_force ? `, in force since ${charter.status.in_force}` : ''}
          {charter.status.ended ? `, ended ${charter.status.ended}` : ''}
        </dd>
        <dt>Reference date</dt>
        <dd>{charter.reference_date}</dd>
        {memberCount !== null ? (
          <>
            <dt>Members on that date</dt>
            <dd>{memberCount}</dd>
          </>
        ) : null}
      </dl>
      <Cited cite={charter.legal_nature.cite}>
        <strong>Legal nature:</strong> {charter.legal_nature.kind}
      </Cited>
      <Cited cite={charter.scope.cite}>
        <strong>Scope:</strong> {charter.scope.dimensions.join(', ')}
        {charter.scope.note ? ` — ${charter.scope.note}` : ''}
      </Cited>
      <Cited cite={charter.members.cite}>
        <strong>Members:</strong>{' '}
        {charter.members.note ??
          (charter.members.organisation
            ? `the members of ${charter.members.organisation.id}`
            : 'listed states')}
      </Cited>
      <h3>Bodies and decision rules</h3>
      {charter.bodies.map((b) => (
        <BodySection key={b.id} body={b} />
      ))}
      <h3>Guarantees</h3>
      {charter.guarantees.length ? (
        charter.guarantees.map((g) => <GuaranteeSection key={g.id} guarantee={g} />)
      ) : (
        <p className="muted">None.</p>
      )}
      <h3>Accession and withdrawal</h3>
      <Cited cite={charter.accession.cite}>
        <strong>Accession:</strong> open to {charter.accession.open_to}. Objections by:{' '}
        {charter.accession.objectors}; ratification: {charter.accession.ratification}
        {charter.accession.decided_by
          ? `; decided by ${charter.accession.decided_by.body}/${charter.accession.decided_by.category}`
          : ''}
        .
      </Cited>
      {charter.alliance_choice ? (
        <Cited cite={charter.alliance_choice.cite}>
          <strong>Choosing other alliances:</strong>{' '}
          {charter.alliance_choice.others_may_object ? 'parties may object' : 'parties may not object'} —{' '}
          {charter.alliance_choice.basis}
        </Cited>
      ) : null}
      <Cited cite={charter.withdrawal.cite}>
        <strong>Withdrawal:</strong> {charter.withdrawal.allowed ? 'allowed' : 'not provided for'}
        {typeof charter.withdrawal.notice_days === 'number'
          ? `, ${charter.withdrawal.notice_days} days' notice`
          : ''}
        . {charter.withdrawal.conditions}
      </Cited>
      <Disputes charter={charter} />
      <Territory charter={charter} />
      <Provisions charter={charter} />
      {charter.choices.length ? (
        <>
          <h3>Concert's choices where the source is silent</h3>
          {charter.choices.map((c) => (
            <Cited key={c.id} cite={c.cite}>
              <strong>{c.question}</strong> {c.choice}. <span className="muted">{c.reason}</span>
            </Cited>
          ))}
        </>
      ) : null}
    </article>
  );
}

function BodySection({ body }: { body: Body }) {
  return (
    <section className="body-section" aria-label={body.name}>
      <Cited cite={body.cite}>
        <h4>{body.name}</h4>
        {body.description ? <p>{body.description}</p> : null}
      </Cited>
      {body.categories.map((c) => (
        <div key={c.id} className="category">
          <Cited cite={c.cite}>
            <strong>{c.name}</strong>
            {c.in_force ? (
              <span className="muted">
                {' '}
                (applies{c.in_force.from ? ` from ${c.in_force.from}` : ''}
                {c.in_force.to ? ` until ${c.in_force.to}` : ''})
              </span>
            ) : null}
            {c.description ? <p className="muted">{c.description}</p> : null}
          </Cited>
          <ul className="clauses">
            {clausesOf(c.rule, c.cite).map((clause) => (
              <li key={clause.key} style={{ marginLeft: `${clause.depth * 1.25}rem` }}>
                <Cited cite={clause.cite} inherited={clause.inherited}>
                  <span className="clause-heading">{clause.heading}:</span> {clause.text}
                </Cited>
              </li>
            ))}
          </ul>
          {c.recusal ? (
            <Cited cite={c.recusal.cite}>
              <span className="muted">Parties to the matter: {c.recusal.parties}</span>
            </Cited>
          ) : null}
        </div>
      ))}
    </section>
  );
}

function GuaranteeSection({ guarantee: g }: { guarantee: CharterGuarantee }) {
  return (
    <section className="guarantee" aria-label={g.title}>
      <Cited cite={g.cite}>
        <h4>{g.title}</h4>
        <p>
          {g.nature === 'obligation'
            ? 'An obligation'
            : g.nature === 'right'
              ? 'A right (each may, none must)'
              : 'Procedures only'}
          , {g.legally_binding ? 'legally binding' : 'political'}. Triggers: {g.triggers.join(', ')}.{' '}
          {g.summary}
        </p>
      </Cited>
      {g.ladder.length ? (
        <ol className="ladder">
          {g.ladder.map((r) => (
            <li key={r.id}>
              <Cited cite={r.cite}>
                <strong>{r.title}</strong> ({r.kind})
                {r.decided_by
                  ? `, decided by ${r.decided_by.body}/${r.decided_by.category}`
                  : ', follows from the incident'}
                . {r.obligations.text}
              </Cited>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function Disputes({ charter }: { charter: Charter }) {
  const d = charter.disputes;
  if (!d) return null;
  return (
    <>
      <h3>Disputes</h3>
      <Cited cite={d.cite}>{d.summary}</Cited>
      <ol className="ladder">
        {d.steps.map((s) => (
          <li key={s.id}>
            <Cited cite={s.cite}>
              <strong>{s.title}</strong> ({s.kind}, {s.binding ? 'binding' : 'not binding'}
              {s.period_days ? `, ${s.period_days} days` : ''}){s.next ? `; if it fails: ${s.next}` : ''}
            </Cited>
          </li>
        ))}
      </ol>
    </>
  );
}

function Territory({ charter }: { charter: Charter }) {
  const t = charter.territory;
  if (!t) return null;
  return (
    <>
      <h3>Territory</h3>
      <Cited cite={t.cite}>
        {t.summary}
        {t.recognised_from ? ` Borders recognised as of ${t.recognised_from}.` : ''}
      </Cited>
      <Cited cite={t.border_change.cite}>
        <strong>Border change:</strong>{' '}
        {t.border_change.agreement === 'all-states-concerned'
          ? 'only by agreement of all states concerned'
          : 'no agreement required'}
        {t.border_change.referendum?.required ? ', with a supervised referendum' : ''}
      </Cited>
      {t.demilitarized_zones ? (
        <Cited cite={t.demilitarized_zones.cite}>
          <strong>Demilitarized zones:</strong> monitored by at least{' '}
          {t.demilitarized_zones.monitoring_at_least} states
          {t.demilitarized_zones.monitors_neutral ? ', all neutral' : ''}
        </Cited>
      ) : null}
    </>
  );
}

function Provisions({ charter }: { charter: Charter }) {
  const sorted = [...charter.provisions].sort(
    (a, b) => Number(ROADMAP_TOPICS.includes(a.topic)) - Number(ROADMAP_TOPICS.includes(b.topic)),
  );
  if (!sorted.length) return null;
  return (
    <>
      <h3>Other provisions (principles, safeguards, roadmap …)</h3>
      {sorted.map((p) => (
        <Cited key={p.id} cite={p.cite}>
          <strong>
            {p.title} <span className="muted">[{p.topic}]</span>
          </strong>{' '}
          {p.text}
        </Cited>
      ))}
    </>
  );
}
