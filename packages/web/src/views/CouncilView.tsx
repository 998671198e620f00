export function CouncilView({ params: _params }: { params: URLSearchParams }) {
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title">Council</h1>
      <p>This view is being built.</p>
    </section>
  );
}
