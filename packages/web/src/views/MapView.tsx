export function MapView({ params: _params }: { params: URLSearchParams }) {
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">Map</h1>
      <p>This view is being built.</p>
    </section>
  );
}
