import { builtinCharter, decisionGame, institutionOn, type Player } from '@concert/engine';
import { describe, expect, it } from 'vitest';
import { checkRule, ruleToYaml } from './rule-text.ts';

function council(): { players: Player[]; rule: Parameters<typeof ruleToYaml>[0] } {
  const charter = builtinCharter('continental');
  const d = decisionGame(institutionOn(charter, charter.reference_date), 'council', 'major-security-action');
  return { players: d.players, rule: d.category.rule };
}

describe('the power lab rule editor', () => {
  it('shows a charter rule as YAML that reads back as the same rule', () => {
    const { players, rule } = council();
    const text = ruleToYaml(rule);
    expect(text).toContain('groups:');
    const checked = checkRule(text, players);
    expect(checked).toEqual({ ok: true, rule });
  });

  it('names the path and the line of a misspelt field in the edited text', () => {
    const { players } = council();
    const checked = checkRule(
      'all:\n  - quota: { weight: count, at_least: "2/3" }\n  - quota: { wieght: count }\n',
      players,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problem.path).toMatch(/^all\[1\]\.quota/);
    expect(checked.problem.line).toBe(3);
  });

  it('refuses an attribute the members do not have, with the engine message', () => {
    const { players } = council();
    const checked = checkRule('quota: { weight: gdp, at_least: "50%" }', players);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem.message).toContain('gdp');
  });

  it('gives the line of a YAML syntax error in the editor, not in the wrapped file', () => {
    const checked = checkRule('quota:\n  weight: count\n  at_least: [2', council().players);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem.line).toBeGreaterThanOrEqual(1);
    if (!checked.ok) expect(checked.problem.line).toBeLessThanOrEqual(4);
  });
});
