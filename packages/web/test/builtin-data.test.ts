import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinCharter, builtinCharterIds, builtinScenario, builtinScenarioIds } from '@concert/engine';
import { describe, expect, it } from 'vitest';
import { chartersModule, scenariosModule } from '../scripts/builtin-data.ts';
import { buildUi } from './platform.ts';

/** A generated module's text, evaluated as the browser would evaluate it. */
async function evaluate(code: string): Promise<Record<string, (id?: string) => unknown>> {
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

describe('the built-in charters and scenarios the page ships as JSON', () => {
  it('are the charters the engine parses from the YAML, every field, under the same ids', async () => {
    const page = await evaluate(chartersModule());
    expect(page.builtinCharterIds!()).toEqual(builtinCharterIds());
    for (const id of builtinCharterIds()) {
      expect(page.isBuiltinCharter!(id)).toBe(true);
      expect(page.builtinCharter!(id)).toStrictEqual(builtinCharter(id));
      // Parsed once, as the engine's cache does: views compare charters by identity.
      expect(page.builtinCharter!(id)).toBe(page.builtinCharter!(id));
    }
    expect(page.isBuiltinCharter!('toString')).toBe(false);
    expect(() => page.builtinCharter!('atlantis')).toThrow(/no built-in charter "atlantis"/);
  });

  it('are the scenarios the engine parses from the YAML', async () => {
    const page = await evaluate(scenariosModule());
    expect(page.builtinScenarioIds!()).toEqual(builtinScenarioIds());
    for (const id of builtinScenarioIds())
      expect(page.builtinScenario!(id)).toStrictEqual(builtinScenario(id));
    expect(() => page.builtinScenario!('atlantis')).toThrow(/no built-in scenario "atlantis"/);
  });

  it('replace the YAML text in the production build', () => {
    buildUi();
    const assets = join(import.meta.dirname, '..', 'dist', 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const all = scripts.map((f) => readFileSync(join(assets, f), 'utf8')).join('\n');
    // A line that opens every built-in charter's YAML text, and the JSON form the page carries instead.
    expect(all.includes('reference_date: ')).toBe(false);
    expect(all.includes('"reference_date":"')).toBe(true);
  });
});
