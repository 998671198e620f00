import { canonicalJson } from '../manifest/index.ts';
import { sha256Hex } from '../manifest/sha256.ts';
import type { Scenario } from './scenario.ts';

/** Content hash of a scenario (SHA-256 of its canonical JSON), for run manifests. */
export function scenarioHash(scenario: Scenario): string {
  return `sha256:${sha256Hex(canonicalJson(scenario))}`;
}
