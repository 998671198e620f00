import { lazy, Suspense } from 'react';

// The view's code, the engine's scenarios and Observable Plot load only when the view is opened.
const CrisisLab = lazy(() => import('../crisis/CrisisLab.tsx').then((m) => ({ default: m.CrisisLab })));

export function CrisisView({ params }: { params: URLSearchParams }) {
  return (
    <section aria-labelledby="view-title" className="crisis-view">
      <h1 id="view-title">Crises</h1>
      <p className="muted">
        A built-in crisis played under each charter's response ladder: one run step by step, then an ensemble
        of runs. The stances are the scenario's stated assumptions, not forecasts.
      </p>
      <Suspense fallback={<p role="status">Loading the crisis view…</p>}>
        <CrisisLab params={params} />
      </Suspense>
    </section>
  );
}
