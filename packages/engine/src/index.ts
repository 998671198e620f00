// @concert/engine — pure: no I/O, no Node-only APIs. Data flows charter → institution → rules → engines.
export * from './accession/index.ts';
export * from './builtin/index.ts';
export { type Caucus, caucusesOf, groupingAttributes } from './charter/caucuses.ts';
export { CharterError, formatPath } from './charter/errors.ts';
export {
  type DecisionGame,
  decisionGame,
  type Institution,
  inForce,
  institutionOn,
} from './charter/institution.ts';
export { charterJsonSchema } from './charter/json-schema.ts';
export { parseCharter, validateCharter } from './charter/load.ts';
export {
  type Body,
  type Charter,
  type DecisionCategory,
  type Guarantee as CharterGuarantee,
  PARTY_ROLES,
  type PartyRole,
  RUNG_KINDS,
  type Rung,
  type RungKind,
  TRIGGERS,
  type Trigger,
} from './charter/schema.ts';
export * from './coverage/index.ts';
export * from './crisis/index.ts';
export * from './decide/index.ts';
export * from './diff/index.ts';
export * from './disputes/index.ts';
export * from './document/index.ts';
export * from './game/index.ts';
export * from './manifest/index.ts';
export * from './power/index.ts';
export * from './progress.ts';
export * from './record/index.ts';
export * from './rules/index.ts';
export * from './territory/index.ts';
export * from './world/index.ts';
