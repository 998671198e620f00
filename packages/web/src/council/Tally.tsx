import { barGeometry, criterionLabel, criterionSummary } from './format.ts';
import type { Scenario } from './types.ts';

/**
 * One bar per criterion of the rule (states, population, tiers, regions — whatever the rule counts) with its
 * threshold marker. The numbers and the met / not met status are text; the bar only repeats them.
 */
export function TallyBars({ scenario, caption }: { scenario: Scenario; caption: string }) {
  return (
    <figure className="council-tally">
      <figcaption>
        {caption}: <strong>{scenario.adopted ? 'would be adopted' : 'would not be adopted'}</strong>
      </figcaption>
      <ul>
        {scenario.criteria.map((c, i) => {
          const { fill, marker } = barGeometry(c);
          const name = criterionLabel(c);
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: criteria are the rule's clauses, in a fixed order
              key={i}
              className={`criterion depth-${Math.min(c.depth, 3)}`}
              data-criterion={name}
            >
              <span className="criterion-name">
                <span aria-hidden="true">{c.met ? '✓ ' : '✗ '}</span>
                {name}
              </span>
              <span className="bar" aria-hidden="true">
                <span className={`fill ${c.met ? 'met' : 'unmet'}`} style={{ width: `${fill}%` }} />
                <span className="marker" style={{ left: `${marker}%` }} />
              </span>
              <span className="criterion-text">{criterionSummary(c)}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
