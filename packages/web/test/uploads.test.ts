import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analysePower,
  builtinCharter,
  builtinCharterSource,
  builtinScenario,
  CharterError,
  decisionGame,
  institutionOn,
  parseCharter,
  parseGame,
  parseScenario,
  planFor,
  powerGameFromDecision,
  powerGameFromGame,
  simulateEnsemble,
} from '@concert/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, startUiPlatform, type UiPlatform, watchErrors } from './platform.ts';

/** The line the engine names for a bad document (what `concert validate` / `concert simulate` would say). */
function engineLine(read: () => unknown): number | undefined {
  try {
    read();
  } catch (e) {
    if (e instanceof CharterError) return e.line;
  }
  return undefined;
}

// A user's draft: the EU charter renamed, so the page must be analysing the upload, not the built-in one.
const DRAFT = builtinCharterSource('eu')!
  .replace(/^name: European Union$/m, 'name: Draft Union')
  .replace(/^short_name: EU$/m, 'short_name: Draft Union');
const BROKEN = DRAFT.replace(/^ {2}kind: in-force$/m, '  kind: in-farce');
// A user's scenario: the Baltic incursion with other stances, under a new id.
const SCENARIO = readFileSync(
  join(import.meta.dirname, '../../engine/scenarios/baltic-incursion.yaml'),
  'utf8',
)
  .replace(/^id: baltic-incursion$/m, 'id: my-crisis')
  .replace(/^title: .*$/m, 'title: My own crisis')
  .replace(/^ {2}cohesion: 0\.7$/m, '  cohesion: 0.3');
const BROKEN_SCENARIO = SCENARIO.replace(/^ {2}cohesion: 0\.3$/m, '  cohesion: 3');

describe.runIf(browserAvailable())(
  'the user’s own files in the power lab and the Crises view, in chromium',
  () => {
    let platform: UiPlatform;
    let page: Page;
    const errors: string[] = [];
    beforeAll(async () => {
      platform = await startUiPlatform();
      const context = await platform.context();
      page = await context.newPage();
      watchErrors(page, errors);
    }, 120_000);
    afterAll(async () => {
      await platform?.close();
    });

    it('refuses an uploaded charter with a bad line, naming the line, then analyses a valid one as the engine does', async () => {
      expect(DRAFT).not.toBe(builtinCharterSource('eu'));
      expect(SCENARIO).toContain('cohesion: 0.3');
      const line = engineLine(() => parseCharter(BROKEN, { source: 'draft.yaml' }));
      expect(line).toBeGreaterThan(1);
      await page.goto('/#/power');
      await page.getByText('Analyse your own charter or game file').click();
      const file = page.getByLabel('Charter or game file (or drop it here)');
      await file.setInputFiles({ name: 'draft.yaml', mimeType: 'text/yaml', buffer: Buffer.from(BROKEN) });
      const alert = page.locator('.upload-panel .validation-error');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toMatch(
        new RegExp(`draft\\.yaml \\(line ${line}, column \\d+, at status\\.kind\\): .+`),
      );

      await file.setInputFiles({ name: 'draft.yaml', mimeType: 'text/yaml', buffer: Buffer.from(DRAFT) });
      await expect.poll(() => page.getByLabel('Charter', { exact: true }).inputValue()).toBe('upload');
      await page.getByLabel('Body', { exact: true }).selectOption('council');
      await page.getByLabel('Category', { exact: true }).selectOption('qmv');
      await page.getByTestId('analysed').filter({ hasText: 'Draft Union' }).waitFor({ timeout: 60_000 });

      const charter = parseCharter(DRAFT, { source: 'draft.yaml' });
      const expected = analysePower(
        powerGameFromDecision(decisionGame(institutionOn(charter, charter.reference_date), 'council', 'qmv')),
      );
      for (const id of ['DEU', 'MLT']) {
        const p = expected.players.find((x) => x.id === id)!;
        const row = page.locator(`.power-table tr[data-member="${id}"]`);
        await expect(row.locator('td[data-index="banzhaf"]').textContent()).resolves.toBe(
          p.banzhaf.toFixed(4),
        );
        await expect(row.locator('td[data-index="shapley"]').textContent()).resolves.toBe(
          p.shapley!.toFixed(4),
        );
      }
      // The address names the upload, never its text.
      const hash = new URL(page.url()).hash;
      expect(hash).toContain('charter=upload');
      expect(hash).not.toContain('Draft');
      await screenshot(page, 'power-uploaded-charter');
      expect(errors).toEqual([]);
    }, 150_000);

    it('keeps the upload across a view switch within the session', async () => {
      await page.getByRole('link', { name: 'Charters' }).click();
      await page.getByRole('heading', { name: 'Built-in charters' }).waitFor();
      await page.getByRole('link', { name: 'Power lab' }).click();
      await page.getByLabel('Charter', { exact: true }).selectOption('upload');
      await page.getByTestId('analysed').filter({ hasText: 'Draft Union' }).waitFor({ timeout: 60_000 });
      expect(errors).toEqual([]);
    }, 120_000);

    it('analyses a pasted standalone game file (the format `concert power` takes) as the engine does', async () => {
      const text = `name: Weighted four
players:
  - { id: A, votes: 4 }
  - { id: B, votes: 2 }
  - { id: C, votes: 1 }
  - { id: D, votes: 1 }
rule:
  quota: { weight: votes, at_least: 5 }
`;
      await page.getByText('Analyse your own charter or game file').click();
      await page.getByLabel("Or paste the charter's or game's text").fill(text);
      await page.getByRole('button', { name: 'Analyse pasted text' }).click();
      await page.getByTestId('analysed').filter({ hasText: 'Weighted four' }).waitFor({ timeout: 60_000 });
      expect(await page.getByLabel('Body', { exact: true }).count()).toBe(0);
      const expected = analysePower(powerGameFromGame(parseGame(text, { source: 'pasted.yaml' })));
      for (const p of expected.players) {
        const row = page.locator(`.power-table tr[data-member="${p.id}"]`);
        await expect(row.locator('td[data-index="banzhaf"]').textContent()).resolves.toBe(
          p.banzhaf.toFixed(4),
        );
      }
      expect(new URL(page.url()).hash).toContain('charter=game-file');
      expect(errors).toEqual([]);
    }, 120_000);

    it('plays an uploaded scenario under NATO and the uploaded charter with the engine’s fractions, and a time-to-response chart', async () => {
      const line = engineLine(() => parseScenario(BROKEN_SCENARIO, { source: 'mine.yaml' }));
      expect(line).toBeGreaterThan(1);
      await page.goto('/#/crisis?charters=nato&runs=2000&seed=1');
      await page.getByText('Play your own scenario file').click();
      const file = page.getByLabel('Scenario file (or drop it here)');
      await file.setInputFiles({
        name: 'mine.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from(BROKEN_SCENARIO),
      });
      const alert = page.locator('.upload-panel .validation-error');
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toMatch(
        new RegExp(`mine\\.yaml \\(line ${line}, column \\d+, at stances\\.cohesion\\)`),
      );

      await file.setInputFiles({ name: 'mine.yaml', mimeType: 'text/yaml', buffer: Buffer.from(SCENARIO) });
      await page.getByRole('heading', { name: 'My own crisis', exact: true }).waitFor();
      await page.getByRole('checkbox', { name: /Uploaded: Draft Union/ }).check();
      await page.locator('.crisis-rungs').nth(1).waitFor({ timeout: 90_000 });

      const scenario = parseScenario(SCENARIO, { source: 'mine.yaml' });
      const nato = simulateEnsemble(scenario, planFor(scenario, builtinCharter('nato')), 2000, 1);
      const draft = parseCharter(DRAFT, { source: 'draft.yaml' });
      const union = simulateEnsemble(scenario, planFor(scenario, draft), 2000, 1);
      const builtin = simulateEnsemble(
        builtinScenario('baltic-incursion'),
        planFor(builtinScenario('baltic-incursion'), builtinCharter('nato')),
        2000,
        1,
      );
      const rung = nato.rungs.find(
        (r, i) => r.decidedBy && r.adopted > 0 && r.adopted < 1 && r.adopted !== builtin.rungs[i]!.adopted,
      )!;
      expect(rung).toBeDefined();
      const cell = page.locator(
        `section[data-charter="nato"] tr[data-rung="${rung.id}"] td[data-value="adopted"]`,
      );
      await expect(cell.textContent()).resolves.toBe(rung.adopted.toFixed(4));
      const eu = union.rungs.find((r) => r.decidedBy && r.adopted > 0)!;
      const euCell = page.locator(
        `section[data-charter="eu"] tr[data-rung="${eu.id}"] td[data-value="adopted"]`,
      );
      await expect(euCell.textContent()).resolves.toBe(eu.adopted.toFixed(4));

      // Time to response: a chart and, as its alternative, a table with the engine's medians.
      const chart = page.locator('.adoption-chart svg[viewBox]');
      await chart.waitFor();
      expect(await page.locator('.adoption-chart g[aria-label="dot"] circle').count()).toBeGreaterThan(0);
      const median = page.locator(
        `table.crisis-adoption tr[data-charter="nato"][data-rung="${rung.id}"] td[data-value="median"]`,
      );
      await expect(median.textContent()).resolves.toBe(String(rung.timeToAdoption.median));
      await screenshot(page, 'crisis-uploaded-scenario');
      expect(errors).toEqual([]);
    }, 180_000);

    it('plays the counterfactual in which the parties vote, as --no-recusal does', async () => {
      await page.getByRole('checkbox', { name: /Let the parties vote/ }).check();
      expect(new URL(page.url()).hash).toContain('recusal=ignored');
      const scenario = parseScenario(SCENARIO, { source: 'mine.yaml' });
      const continental = builtinCharter('continental');
      await page.getByRole('checkbox', { name: /\(continental\)/ }).check();
      const voting = simulateEnsemble(
        scenario,
        planFor(scenario, continental, { ignoreRecusal: true }),
        2000,
        1,
      );
      const recused = simulateEnsemble(scenario, planFor(scenario, continental), 2000, 1);
      const rung = voting.rungs.find((r, i) => r.adopted !== recused.rungs[i]!.adopted)!;
      expect(rung).toBeDefined();
      const cell = page.locator(
        `section[data-charter="continental"] tr[data-rung="${rung.id}"] td[data-value="adopted"]`,
      );
      await cell.waitFor({ timeout: 90_000 });
      await expect(cell.textContent()).resolves.toBe(rung.adopted.toFixed(4));
      expect(errors).toEqual([]);
    }, 150_000);

    it('sends a charter checked in the Charters view to the power lab and to the Crises view', async () => {
      const text = builtinCharterSource('nato')!.replace(
        /^name: North Atlantic Treaty Organization$/m,
        'name: Checked alliance',
      );
      await page.goto('/#/charters?upload=1');
      await page.getByLabel("Or paste the charter's text").fill(text);
      await page.getByRole('button', { name: 'Check pasted text' }).click();
      await page.getByRole('button', { name: 'Analyse in the power lab' }).click();
      await expect.poll(() => new URL(page.url()).hash).toContain('#/power');
      await expect.poll(() => page.getByLabel('Charter', { exact: true }).inputValue()).toBe('upload');
      await page.getByRole('option', { name: /Uploaded: Checked alliance/ }).waitFor({ state: 'attached' });
      await page.getByTestId('analysed').waitFor({ timeout: 60_000 });
      await page.getByRole('link', { name: 'Crises' }).click();
      await page.getByRole('checkbox', { name: /Uploaded: Checked alliance/ }).waitFor();
      expect(errors).toEqual([]);
    }, 120_000);
  },
);
