import { CharterError, type Player, parseGame, type Rule } from '@concert/engine';

/** Plain data (a rule) as block YAML, for the editor; strings are quoted only when YAML would misread them. */
export function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((item) => `\n${indent}- ${toYaml(item, `${indent}  `).replace(/^\n\s*/, '')}`).join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return entries
      .map(([k, v]) => {
        const inner = toYaml(v, `${indent}  `);
        return `\n${indent}${k}:${inner.startsWith('\n') ? inner : ` ${inner}`}`;
      })
      .join('');
  }
  if (typeof value === 'string')
    return /^[A-Za-z][\w .()-]*$/.test(value) && !isYamlWord(value) ? value : JSON.stringify(value);
  return String(value);
}

function isYamlWord(s: string): boolean {
  return /^(true|false|null|yes|no|on|off|~)$/i.test(s);
}

export function ruleToYaml(rule: Rule): string {
  return toYaml(rule).replace(/^\n/, '');
}

export interface RuleProblem {
  message: string;
  hint: string;
  path: string;
  line?: number;
  column?: number;
}

export type CheckedRule = { ok: true; rule: Rule } | { ok: false; problem: RuleProblem };

// The editor's text is the value of `rule:` in a game file whose players are the body's members: the engine's
// own game-file reader then checks it (hardened YAML, the rule schema, attributes against the players) and
// locates problems. Lines and columns are shifted back by the two lines and two spaces the wrapping adds.
const WRAP_LINES = 2;
const WRAP_COLUMNS = 2;

/** Checks an edited rule against the members it will be played by, with the engine's messages. */
export function checkRule(text: string, players: Player[]): CheckedRule {
  if (text.trim() === '')
    return {
      ok: false,
      problem: {
        message: 'the rule is empty',
        hint: 'write a rule, e.g. quota: { weight: count, at_least: "2/3" }',
        path: '',
      },
    };
  const wrapped = `players: ${JSON.stringify(players.map(flatPlayer))}\nrule:\n${text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;
  try {
    const game = parseGame(wrapped, { source: 'rule', format: 'yaml' });
    return { ok: true, rule: game.file.rule };
  } catch (e) {
    if (!(e instanceof CharterError)) throw e;
    const path = e.path[0] === 'rule' ? e.path.slice(1) : e.path;
    const line = e.line !== undefined && e.line > WRAP_LINES ? e.line - WRAP_LINES : undefined;
    return {
      ok: false,
      problem: {
        message: e.message,
        hint: e.hint,
        path: path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
          .join('')
          .replace(/^\./, ''),
        ...(line !== undefined ? { line } : {}),
        ...(line !== undefined && e.column !== undefined
          ? { column: Math.max(1, e.column - WRAP_COLUMNS) }
          : {}),
      },
    };
  }
}

function flatPlayer(p: Player): Record<string, unknown> {
  return { ...p.attributes, id: p.id, ...(p.name ? { name: p.name } : {}) };
}
