import { type Colouring, countsOf } from './colourings.ts';

/** The categories of the current colouring, each with its colour and how many states fall in it. */
export function Legend({ colouring, id }: { colouring: Colouring; id?: string }) {
  const counts = countsOf(colouring);
  return (
    <figure className="legend-box" aria-labelledby={id}>
      <figcaption id={id}>
        <strong>{colouring.title}</strong>
      </figcaption>
      <ul className="legend">
        {colouring.categories.map((c) => (
          <li key={c.id} data-category={c.id}>
            <span
              className="swatch"
              style={{ background: c.colour }}
              data-colour={c.colour}
              aria-hidden="true"
            />
            <span>
              {c.label}: <span className="count">{counts.get(c.id) ?? 0}</span>
            </span>
          </li>
        ))}
      </ul>
      {colouring.note && <p className="muted">{colouring.note}</p>}
    </figure>
  );
}
