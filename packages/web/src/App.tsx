import { lazy, Suspense } from 'react';
import { routeHref, useRoute, VIEWS, type ViewId } from './router.ts';
import { MapView } from './views/MapView.tsx';

// The map is the landing view; the others load on first visit so the first paint stays small.
const CouncilView = lazy(() => import('./views/CouncilView.tsx').then((m) => ({ default: m.CouncilView })));
const PowerView = lazy(() => import('./views/PowerView.tsx').then((m) => ({ default: m.PowerView })));
const CompareView = lazy(() => import('./views/CompareView.tsx').then((m) => ({ default: m.CompareView })));
const CrisisView = lazy(() => import('./views/CrisisView.tsx').then((m) => ({ default: m.CrisisView })));
const DisputesView = lazy(() =>
  import('./views/DisputesView.tsx').then((m) => ({ default: m.DisputesView })),
);
const ChartersView = lazy(() =>
  import('./views/ChartersView.tsx').then((m) => ({ default: m.ChartersView })),
);

export function App() {
  const route = useRoute();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Concert</span>
        <nav aria-label="Views">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.id}>
                <a href={routeHref(v.id)} aria-current={route.view === v.id ? 'page' : undefined}>
                  {v.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">Loading…</p>}>
          {view(route.view, route.params, route.item)}
        </Suspense>
      </main>
      <footer className="bottom">
        Concert models proposals and existing institutions; it argues for none of them. API documentation at{' '}
        <a href="/docs">/docs</a>.
      </footer>
    </>
  );
}

function view(id: ViewId, params: URLSearchParams, item: string) {
  switch (id) {
    case 'map':
      return <MapView params={params} />;
    case 'council':
      return <CouncilView params={params} />;
    case 'power':
      return <PowerView params={params} />;
    case 'compare':
      return <CompareView params={params} />;
    case 'crisis':
      return <CrisisView params={params} />;
    case 'disputes':
      return <DisputesView params={params} item={item} />;
    case 'charters':
      return <ChartersView params={params} />;
  }
}
