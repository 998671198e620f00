import {
  type Ballots,
  type ClauseResult,
  type Explanation,
  evaluate,
  evaluateGame,
  institutionOn,
  type Vote,
} from '@concert/engine';
import { UsageError } from '../errors.ts';
import { loadCharterOrGame, parseDate, parseIds } from '../inputs.ts';
import type { Output } from '../output.ts';

export interface VoteOptions {
  body?: string;
  category?: string;
  yes?: string;
  no?: string;
  abstain?: string;
  absent?: string;
  absentRest?: boolean;
  parties?: string;
  date?: string;
  population?: string;
}

/** Evaluates a ballot under a charter's rule or a game file's rule and explains the outcome. */
export function vote(target: string, opts: VoteOptions, out: Output): void {
  const loaded = loadCharterOrGame(target);
  const unnamed = opts.absentRest ? 'absent' : 'no';
  if (loaded.kind === 'game') {
    const known = new Set(loaded.game.players.map((p) => p.id));
    const ballots = collectBallots(opts, known);
    const result = evaluateGame(loaded.game, ballots, unnamed);
    out.data(result);
    printExplanation(out, `${result.game}`, result);
    return;
  }
  const charter = loaded.charter;
  const date = parseDate(opts.date, charter.reference_date);
  const body = opts.body ?? charter.bodies[0]!.id;
  const bodyDef = charter.bodies.find((b) => b.id === body);
  const category = opts.category ?? bodyDef?.categories[0]?.id;
  if (!opts.category && bodyDef && bodyDef.categories.length > 1) {
    throw new UsageError(
      `--category is needed: ${body} decides under several rules`,
      `categories of ${body}: ${bodyDef.categories.map((c) => c.id).join(', ')}`,
    );
  }
  const members = new Set(
    institutionOn(charter, date, opts.population ? { populationSeries: opts.population } : {}).members.map(
      (m) => m.id,
    ),
  );
  const ballots = collectBallots(opts, members);
  const decision = evaluate({
    charter,
    body,
    category: category ?? '',
    ballots,
    date,
    parties: parseIds(opts.parties, '--parties', members),
    unnamed,
    ...(opts.population ? { populationSeries: opts.population } : {}),
  });
  out.data(decision);
  const head = `${charter.name} — ${decision.body} / ${decision.category} on ${date} (population: ${decision.populationSeries})`;
  printExplanation(out, head, decision);
  if (decision.recused.length) out.print(`Parties excluded from the vote: ${decision.recused.join(', ')}`);
  if (decision.mustAbstain.length)
    out.print(`Parties obliged to abstain: ${decision.mustAbstain.join(', ')}`);
  for (const w of decision.warnings) out.print(`Note: ${w}`);
}

function collectBallots(opts: VoteOptions, known: Set<string>): Ballots {
  const ballots: Ballots = {};
  const lists: [keyof VoteOptions, Vote][] = [
    ['yes', 'yes'],
    ['no', 'no'],
    ['abstain', 'abstain'],
    ['absent', 'absent'],
  ];
  for (const [flag, v] of lists) {
    for (const id of parseIds(opts[flag] as string | undefined, `--${flag}`, known)) {
      if (ballots[id] && ballots[id] !== v)
        throw new UsageError(`${id} is listed as both ${ballots[id]} and ${v}`, 'name each member once');
      ballots[id] = v;
    }
  }
  return ballots;
}

function printExplanation(out: Output, head: string, d: Explanation): void {
  out.print(head);
  out.print(
    `Votes: ${d.tally.yes} yes, ${d.tally.no} no, ${d.tally.abstain} abstain, ${d.tally.absent} absent`,
  );
  out.print('');
  for (const c of d.clauses) out.print(`${'  '.repeat(c.depth)}${clauseLine(c)}`);
  out.print('');
  out.print(d.adopted ? 'ADOPTED' : 'NOT ADOPTED');
  if (d.pivotal.length) {
    out.print(
      `Pivotal (one switch changes the outcome): ${d.pivotal.map((p) => `${p.id} (${p.from}→${p.to.join('/')})`).join(', ')}`,
    );
  } else out.print('Pivotal: none — no single member could change this outcome alone.');
  if (d.toPass) {
    if (d.toPass.size === null) out.print('No change of votes among eligible members would pass it.');
    else {
      const sets = d.toPass.sets.map((s) => s.join('+')).join('; ');
      out.print(
        `To pass: ${d.toPass.size} more member(s) voting yes, e.g. ${sets}${d.toPass.proven ? ' (proven minimal)' : ' (search budget reached; may not be minimal)'}`,
      );
    }
  }
}

function clauseLine(c: ClauseResult): string {
  return c.group ? `[${c.group}] ${c.text}` : c.text;
}
