import { useState } from 'react';
import { LoginGate } from '../council/Login.tsx';
import { CaseList } from '../disputes/CaseList.tsx';
import { CaseView } from '../disputes/CaseView.tsx';
import { TerritoryDesk } from '../disputes/TerritoryDesk.tsx';
import { replaceParams } from '../router.ts';
import '../council/council.css';
import '../disputes/disputes.css';

/**
 * Dispute cases of an institution, run by its charter's procedure (docs/disputes.md): the registry at
 * `#/disputes?institution=…`, one case at `#/disputes/<id>`. The server and the engine decide every action;
 * this view shows what they say.
 */
export function DisputesView({ params, item }: { params: URLSearchParams; item: string }) {
  const [chosen, setChosen] = useState(params.get('institution') ?? 'continental');
  const caseId = /^\d+$/.test(item) ? Number(item) : null;
  const territory = item === 'territory';
  const onInstitution = (view: string) => (id: string) => {
    setChosen(id);
    replaceParams('disputes', { institution: id }, view);
  };
  return (
    <section aria-labelledby="view-title" className="council disputes">
      <h1 id="view-title">Disputes</h1>
      <p className="muted">
        Negotiation, mediation, arbitration — or the procedure another charter prescribes — as cases with
        deadlines, parties and a record. Every step cites its article; Concert takes no side in any dispute.
      </p>
      {item && caseId === null && !territory && (
        <p className="error">“{item}” is not a case number; showing the registry.</p>
      )}
      <LoginGate>
        {(user) =>
          territory ? (
            <TerritoryDesk
              user={user}
              institution={user.institution ?? chosen}
              onInstitution={onInstitution('territory')}
            />
          ) : caseId === null ? (
            <CaseList
              user={user}
              institution={user.institution ?? chosen}
              onInstitution={onInstitution('')}
            />
          ) : (
            <CaseView key={caseId} id={caseId} user={user} />
          )
        }
      </LoginGate>
    </section>
  );
}
