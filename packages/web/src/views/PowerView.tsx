import { lazy, Suspense } from 'react';

// The lab's code, the engine and Observable Plot load only when the view is opened.
const PowerLab = lazy(() => import('../power/PowerLab.tsx').then((m) => ({ default: m.PowerLab })));

export function PowerView({ params }: { params: URLSearchParams }) {
  return (
    <section aria-labelledby="view-title" className="power-view">
      <h1 id="view-title">Power lab</h1>
      <Suspense fallback={<p role="status">Loading the power lab…</p>}>
        <PowerLab params={params} />
      </Suspense>
    </section>
  );
}
