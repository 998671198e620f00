export * from './bound.ts';
export { isMonotone, type Pivot, pivotalMembers, type SmallestChanges, smallestChanges } from './changes.ts';
export { type CompiledRule, compileRule, RuleError } from './compile.ts';
export { describeRule } from './describe.ts';
export { type ClauseResult, formatNumber, onSide, passes, trace } from './evaluate.ts';
export { COUNT, type Player } from './players.ts';
export * from './types.ts';
