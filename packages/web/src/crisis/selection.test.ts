import { builtinCharter, builtinCharterSource, builtinScenario, parseCharter } from '@concert/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { setUpload, UPLOADED } from '../uploads/store.ts';
import { charterChoices, charterOf, normaliseSelection, scenarioOf, selectionParams } from './selection.ts';

afterEach(() => setUpload({ charter: undefined, scenario: undefined, game: undefined }));

describe('the Crises view’s choice in the address', () => {
  it('keeps the recusal counterfactual, and writes it only when it is on', () => {
    const on = normaliseSelection(new URLSearchParams('charters=continental&recusal=ignored'));
    expect(on.ignoreRecusal).toBe(true);
    expect(selectionParams(on).recusal).toBe('ignored');
    const off = normaliseSelection(new URLSearchParams('charters=continental'));
    expect(off.ignoreRecusal).toBe(false);
    expect(selectionParams(off)).not.toHaveProperty('recusal');
  });

  it('names uploads only as "upload", and drops them when the session has none (after a reload)', () => {
    const params = new URLSearchParams(`scenario=${UPLOADED}&charters=nato,${UPLOADED}`);
    const gone = normaliseSelection(params, {});
    expect(gone.scenario).not.toBe(UPLOADED);
    expect(gone.charters).toEqual(['nato']);

    const charter = parseCharter(builtinCharterSource('eu')!, { source: 'mine.yaml' });
    const scenario = { ...builtinScenario('gas-2009'), title: 'Mine' };
    const up = { charter: { charter, source: 'mine.yaml' }, scenario: { scenario, source: 's.yaml' } };
    const kept = normaliseSelection(params, up);
    expect(kept.scenario).toBe(UPLOADED);
    expect(kept.charters).toEqual(['nato', UPLOADED]);
    expect(scenarioOf(kept.scenario, up)).toBe(scenario);
    expect(charterOf(UPLOADED, up)).toBe(charter);
    expect(charterOf('nato', up)).toBe(builtinCharter('nato'));
  });

  it('lists an uploaded charter only when it has a response ladder to play', () => {
    const unsc = parseCharter(builtinCharterSource('unsc')!, { source: 'unsc.yaml' });
    expect(
      charterChoices({ charter: { charter: unsc, source: 'unsc.yaml' } }).map((c) => c.id),
    ).not.toContain(UPLOADED);
  });
});
