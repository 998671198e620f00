import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot, startUiPlatform, type UiPlatform, watchErrors } from './platform.ts';

describe.runIf(browserAvailable())('the UI shell in chromium', () => {
  let platform: UiPlatform;
  beforeAll(async () => {
    platform = await startUiPlatform();
  }, 120_000);
  afterAll(() => platform?.close());

  it('serves the UI at / with every view reachable from the navigation bar', async () => {
    const context = await platform.context();
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    await page.goto('/');
    await expect(page.title()).resolves.toBe('Concert');
    for (const label of ['Council room', 'Power lab', 'Compare', 'Crises', 'Disputes', 'Charters', 'Map']) {
      await page.getByRole('link', { name: label, exact: true }).click();
      await page.locator('nav [aria-current="page"]', { hasText: label }).waitFor();
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
    await screenshot(page, 'shell');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the API and its documentation beside the UI', async () => {
    const health = (await fetch(`${platform.url}/api/health`).then((r) => r.json())) as { database: unknown };
    expect(health.database).toBeTruthy();
    const docs = await fetch(`${platform.url}/docs`, { redirect: 'manual' });
    expect(docs.status).toBeLessThan(400);
  });
});
