export * from './bound.ts';
export { type Pivot, type SmallestChanges, isMonotone, pivotalMembers, smallestChanges } from './changes.ts';
export { type CompiledRule, compileRule, RuleError } from './compile.ts';
export { type ClauseResult, formatNumber, passes, trace } from './evaluate.ts';
export { COUNT, type Player } from './players.ts';
export * from './types.ts';
