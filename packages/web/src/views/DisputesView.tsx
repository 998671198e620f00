import { useState } from 'react';
import { Identity, LoginForm } from '../council/Login.tsx';
import { useLogin } from '../council/use-login.ts';
import { CaseList } from '../disputes/CaseList.tsx';
import { CaseView } from '../disputes/CaseView.tsx';
import { replaceParams } from '../router.ts';
import '../council/council.css';
import '../disputes/disputes.css';

/**
 * Dispute cases of an institution, run by its charter's procedure (docs/disputes.md): the registry at
 * `#/disputes?institution=…`, one case at `#/disputes/<id>`. The server and the engine decide every action;
 * this view shows what they say.
 */
export function DisputesView({ params, item }: { params: URLSearchParams; item: string }) {
  const { user, error, loggedIn, loggedOut } = useLogin();
  const [chosen, setChosen] = useState(params.get('institution') ?? 'continental');
  const caseId = /^\d+$/.test(item) ? Number(item) : null;
  const institution = user?.institution ?? chosen;
  return (
    <section aria-labelledby="view-title" className="council disputes">
      <h1 id="view-title">Disputes</h1>
      <p className="muted">
        Negotiation, mediation, arbitration — or the procedure another charter prescribes — as cases with
        deadlines, parties and a record. Every step cites its article; Concert takes no side in any dispute.
      </p>
      {item && caseId === null && (
        <p className="error">“{item}” is not a case number; showing the registry.</p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {user === undefined && <p role="status">Checking your login…</p>}
      {user === null && <LoginForm onLogin={loggedIn} />}
      {user && (
        <>
          <Identity user={user} onLogout={loggedOut} />
          {caseId === null ? (
            <CaseList
              user={user}
              institution={institution}
              onInstitution={(id) => {
                setChosen(id);
                replaceParams('disputes', { institution: id });
              }}
            />
          ) : (
            <CaseView key={caseId} id={caseId} user={user} />
          )}
        </>
      )}
    </section>
  );
}
