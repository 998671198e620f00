import { lazy, Suspense } from 'react';

// The engine (charter parser and built-in charters) loads with the view, not with the first page.
const CharterBrowser = lazy(() =>
  import('../charters/CharterBrowser.tsx').then((m) => ({ default: m.CharterBrowser })),
);

export function ChartersView({ params }: { params: URLSearchParams }) {
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">Charters</h1>
      <Suspense fallback={<p role="status">Loading the charters…</p>}>
        <CharterBrowser params={params} />
      </Suspense>
    </section>
  );
}
