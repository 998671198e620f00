// The coverage module: which legally binding collective-defence clauses protect which OSCE participating States on
// a date, and why.
export { clausesInForce, isInForce } from './clauses.ts';
export { coverageOn } from './coverage.ts';
export { explainCoverage } from './explain.ts';
export { guaranteesOf } from './guarantees.ts';
export type { Coverage, CoverageOptions, Guarantee, StateCoverage } from './types.ts';
