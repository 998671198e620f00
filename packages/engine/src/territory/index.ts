// Territory: the border registry (recognised borders and accepted changes with effect dates), contested areas
// with each side's position, demilitarized zones and their monitoring, border-change requests. docs/disputes.md.
export {
  type AreaTransfer,
  type Border,
  type BorderRegistry,
  borderRegistry,
  bordersOn,
  holderOn,
  neighboursOn,
  recognitionDate,
} from './borders.ts';
export {
  applyBorderChange,
  assessBorderChange,
  atLeast,
  type BorderChangeAssessment,
  type BorderChangeRequest,
  borderChangeSchema,
  type Check,
} from './change.ts';
export { CONTESTED_AREAS, type ContestedArea, contestedAreas, type Position } from './contested.ts';
export {
  checkMission,
  type DemilitarizedZone,
  type DmzFile,
  type DmzViolation,
  dmzFileSchema,
  excess,
  type Incident as DmzIncident,
  type MissionCheck,
  violationIncidents,
} from './dmz.ts';
export { type DmzScenarioOptions, scenarioFromDmz, scenarioYaml } from './dmz-scenario.ts';
export { parseBorderChange, parseBorderChanges, parseDmzFile } from './files.ts';
export {
  type AreaCoverage,
  type AreaHolding,
  type AssessedChange,
  areaCoverageOn,
  holdingOn,
  landNeighbours,
  registryWith,
  transferredAreas,
} from './situation.ts';
