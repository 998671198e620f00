export function PowerView({ params: _params }: { params: URLSearchParams }) {
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">Power</h1>
      <p>This view is being built.</p>
    </section>
  );
}
