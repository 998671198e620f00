import { useState } from 'react';
import { LoginGate } from '../council/Login.tsx';
import { SessionRoom } from '../council/Room.tsx';
import { SessionList } from '../council/Sessions.tsx';
import '../council/council.css';

/** The council room: log in, pick a session of the institution, follow and take part in its votes. */
export function CouncilView({ params }: { params: URLSearchParams }) {
  const [institution, setInstitution] = useState('continental');
  const sessionParam = Number(params.get('session'));
  const sessionId = Number.isInteger(sessionParam) && sessionParam > 0 ? sessionParam : null;
  return (
    <section aria-labelledby="view-title" className="council">
      <h1 id="view-title">Council room</h1>
      <LoginGate>
        {(user) =>
          sessionId === null ? (
            <SessionList
              user={user}
              institutionId={user.institution ?? institution}
              onInstitution={setInstitution}
            />
          ) : (
            <SessionRoom key={sessionId} sessionId={sessionId} user={user} />
          )
        }
      </LoginGate>
    </section>
  );
}
