import { useEffect, useRef } from 'react';

/** Mounts an Observable Plot figure and replaces it when `make` changes (pass a memoised function). */
export function PlotFigure({ make, label }: { make: () => SVGSVGElement | HTMLElement; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const figure = make();
    ref.current?.replaceChildren(figure);
    return () => figure.remove();
  }, [make]);
  return <div ref={ref} className="plot" role="img" aria-label={label} />;
}
