export {
  analysePower,
  chooseMethod,
  type PlayerPower,
  POWER_INDICES,
  POWER_METHODS,
  PowerError,
  type PowerIndex,
  type PowerMethod,
  type PowerOptions,
  type PowerResult,
} from './analyse.ts';
export { type BlockingReport, type CoalitionList, minimalWinningCount } from './blocking.ts';
export { CancelledError, type Control, type SwingCounts } from './counts.ts';
export {
  type DesignCandidate,
  type DesignInput,
  type DesignResult,
  designSearch,
  scaledWeights,
} from './design.ts';
export { type DominationReport, dominationReport } from './domination.ts';
export { powerGameFromDecision, powerGameFromGame } from './from.ts';
export {
  type PowerGame,
  powerGameFromPlayers,
  powerGameFromWeights,
  type ThresholdForm,
  thresholdForm,
} from './game.ts';
export { indicesFrom } from './indices.ts';
export { mulberry32 } from './montecarlo.ts';
export { type PassProbability, passProbability } from './probability.ts';
export { verdict } from './verdict.ts';
