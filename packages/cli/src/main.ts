import { Command, CommanderError, Option } from 'commander';
import { accession } from './commands/accession.ts';
import { auditVerify } from './commands/audit.ts';
import { listCharters, printSchema, showCharter, validateFile } from './commands/charters.ts';
import { listScenarios, simulate } from './commands/crisis.ts';
import { design } from './commands/design.ts';
import { diff } from './commands/diff.ts';
import { listMediators, runCase, showProcedure } from './commands/dispute.ts';
import { listMembers, showCoverage } from './commands/members.ts';
import { power } from './commands/power.ts';
import {
  checkChange,
  checkZones,
  showAreaCoverage,
  showBorders,
  showContested,
  writeIncidentScenario,
} from './commands/territory.ts';
import { tour } from './commands/tour.ts';
import { vote } from './commands/vote.ts';
import { describeError, Refused } from './errors.ts';
import { makeOutput } from './output.ts';

const VERSION = '0.1.0';

const CHANGE_HELP =
  'accepted border changes to apply: request files, a list, or the server’s GET /api/territory/border-changes saved to a file (each re-assessed)';

/** Runs the concert CLI; returns the exit code (0 ok, 1 user error, 2 internal error). */
export async function main(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  const program = build((j) => {
    json = j;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit cleanly; usage errors were already printed by commander.
      return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version'
        ? 0
        : 1;
    }
    if (e instanceof Refused) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    const { text, json: body } = describeError(e);
    if (process.env.CONCERT_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    if (json) process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    process.stderr.write(`${text}\n`);
    return body.error === 'internal' ? 2 : 1;
  }
}

function build(onJson: (json: boolean) => void): Command {
  const program = new Command('concert')
    .description(
      'Concert — European security architectures as code: charters, exact decision rules, coverage.',
    )
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(concert --help lists the commands; concert <command> --help explains one)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const cmd = (name: string, description: string) => {
    const c = program
      .command(name)
      .description(description)
      .option('--json', 'print one JSON document (shapes: docs/cli.md)')
      .exitOverride();
    c.hook('preAction', (self) => onJson(Boolean(self.opts().json)));
    return c;
  };
  const out = (opts: { json?: boolean }) => makeOutput(Boolean(opts.json));

  cmd('charters', 'list the built-in charters').action((o) => listCharters(out(o)));
  cmd('show', 'show a charter: members, bodies, rules with citations, guarantees, accession')
    .argument('<charter>', 'built-in charter id or a charter file')
    .option('--date <date>', 'date for membership (default: the charter reference date)')
    .action((c, o) => showCharter(c, o, out(o)));
  cmd(
    'validate',
    'check a charter, game or scenario file; exit 1 with the line, column and a hint if invalid',
  )
    .argument('<file>', 'YAML or JSON file')
    .action((f, o) => validateFile(f, out(o)));
  cmd('schema', 'print the JSON Schema of charters (or game or scenario files) for editors')
    .option('--game', 'the game-file schema')
    .option('--scenario', 'the scenario-file schema')
    .action((o) => printSchema(o.scenario ? 'scenario' : o.game ? 'game' : 'charter', out(o)));
  cmd(
    'members',
    'members of an organisation (NATO, EU, CSTO, CIS, EAEU, COE, OSCE, WEU) or a charter on a date',
  )
    .argument('<organisation>', 'organisation id or charter')
    .option('--date <date>', 'YYYY-MM-DD (default: today)')
    .action((t, o) => listMembers(t, o, out(o)));
  cmd(
    'coverage',
    'which OSCE states enjoy legally binding collective-defence guarantees on a date, and from which treaty',
  )
    .option('--date <date>', 'YYYY-MM-DD (default: today)')
    .option('--include-bilateral', 'also count bilateral mutual-defence treaties')
    .option('--state <id>', 'only this state: the guarantees it enjoyed on the date, and why')
    .action((o) => showCoverage(o, out(o)));
  cmd('vote', 'evaluate a ballot under a charter rule (or a game file) and explain the result')
    .argument('<charter>', 'built-in charter id, charter file or game file')
    .option('--body <body>', 'body id (default: the first)')
    .option('--category <category>', 'decision category id')
    .option('--yes <ids>', 'comma-separated members voting yes')
    .option('--no <ids>', 'members voting no')
    .option('--abstain <ids>', 'members abstaining')
    .option('--absent <ids>', 'members absent')
    .option('--absent-rest', 'members not named are absent (default: they vote no)')
    .option('--parties <ids>', 'members that are parties to the matter (recusal as the charter says)')
    .option('--date <date>', 'date for membership and rules in force (default: the charter reference date)')
    .addOption(new Option('--population <series>', "population series (default: the charter's)"))
    .action((c, o) => vote(c, o, out(o)));
  cmd('diff', 'how two architectures differ point by point')
    .argument('<a>', 'charter')
    .argument('<b>', 'charter')
    .option('--all', 'also show the points on which they agree')
    .action((a, b, o) => diff(a, b, o, out(o)));
  cmd('accession', 'who may object to an application, and its outcome')
    .argument('<charter>', 'charter the applicant wants to join')
    .option('--applicant <id>', 'applicant state')
    .option('--objections <ids>', 'states that object')
    .option('--alongside <charters>', 'other charters in force whose parties claim a say (e.g. est-2009)')
    .option('--date <date>', 'YYYY-MM-DD')
    .action((c, o) => accession(c, o, out(o)));
  cmd(
    'power',
    'voting power: Banzhaf, Shapley–Shubik, Coleman; who can block; power against the square-root ideal',
  )
    .argument('<charter>', 'built-in charter id, charter file or game file')
    .option('--body <body>', 'body id (default: the first)')
    .option('--category <category>', 'decision category id')
    .option('--date <date>', 'membership date (default: the charter reference date)')
    .option('--population <series>', 'population series')
    .option('--parties <ids>', 'members that are parties to the matter (recusal as the charter says)')
    .option('--index <list>', `indices to show: ${['banzhaf', 'shapley', 'coleman'].join(',')}`)
    .option(
      '--method <method>',
      'auto (default), size-generating-function, meet-in-the-middle, enumeration, monte-carlo',
    )
    .option('--samples <n>', 'Monte Carlo samples (default 200000)')
    .option('--seed <n>', 'Monte Carlo seed (default 1)')
    .option(
      '--probabilities <list>',
      'ID=p pairs: exact probability of passage when each votes yes with p (others ½)',
    )
    .option('--limit <n>', 'how many smallest winning/blocking coalitions to list (default 5)')
    .option('--time-limit <seconds>', 'stop the computation after this long (default 600)')
    .option('--max-memory <MiB>', 'memory the computation may use (default 2048)')
    .option('--no-progress', 'no progress bar')
    .action((c, o) => power(c, o, out(o)));
  cmd('design', 'search quotas and population^α weights for a body: goals, Pareto set, square-root ideal')
    .argument('<charter>', 'charter (its members and populations) or a game file with a population attribute')
    .option('--body <body>', 'body id')
    .option('--category <category>', 'decision category (for its members after recusal)')
    .option('--date <date>', 'membership date')
    .option('--population <series>', 'population series')
    .option('--alpha <list>', 'exponents α for weights ∝ population^α (default 0,0.25,0.5,0.75,1)')
    .option('--quota <range>', 'weight quotas in % as from:to:step or a list (default 50:90:1)')
    .option('--count-quota <list>', 'member-count quotas in %, or none (default none)')
    .option('--goal <list>', 'no-single-blocker, no-pair-pass (default both)')
    .option('--min-pass <p>', 'minimum probability of passage (Coleman), e.g. 0.1')
    .option('--all', 'list every candidate, not only the Pareto set')
    .option('--time-limit <seconds>', 'stop after this long (default 600)')
    .action((c, o) => design(c, o, out(o)));
  cmd('scenarios', 'list the built-in crisis scenarios').action((o) => listScenarios(out(o)));
  cmd(
    'simulate',
    'simulate a crisis under one or more charters: a timeline for one run, tables for ensembles',
  )
    .argument('<scenario>', 'built-in scenario id or a scenario file (YAML or JSON)')
    .option('--charter <ids>', 'comma-separated charters (built-in ids or files), side by side')
    .option('--charters <ids>', 'same as --charter')
    .option('--runs <n>', 'number of runs (default 1: a timeline; more: an ensemble on worker threads)')
    .option('--seed <n>', 'seed of the random draws (default 1); the same seed gives the same result')
    .option('--no-recusal', 'counterfactual: parties vote whatever the charter says about recusal')
    .option('--time-limit <seconds>', 'stop the ensemble after this long (default 600)')
    .option('--no-progress', 'no progress bar')
    .action((s, o) => simulate(s, o, out(o)));
  const sub = (parent: Command, name: string, description: string) => {
    const c = parent
      .command(name)
      .description(description)
      .option('--json', 'print one JSON document (shapes: docs/cli.md)')
      .exitOverride();
    c.hook('preAction', (self) => onJson(Boolean(self.opts().json)));
    return c;
  };
  const dispute = program
    .command('dispute')
    .description(
      'dispute procedures: the steps a charter prescribes, cases replayed with deadlines, neutral mediators',
    )
    .exitOverride();
  sub(
    dispute,
    'procedure',
    "a charter's dispute procedure: steps, periods, who opens them, legal effect, tribunal",
  )
    .argument('<charter>', 'built-in charter id or a charter file')
    .action((c, o) => showProcedure(c, out(o)));
  sub(dispute, 'run', 'replay a case file: status, timeline with citations, deadlines, allowed next actions')
    .argument('<case-file>', 'YAML or JSON case file, or a built-in example (piran-bay, …)')
    .option('--as-of <date>', 'state of the case on this date (default: the last event)')
    .option('--change <file...>', CHANGE_HELP)
    .action((f, o) => runCase(f, o, out(o)));
  sub(
    dispute,
    'mediators',
    'neutral third states for the parties on a date: ranked by a seeded lot, exclusions explained',
  )
    .argument('<charter>', 'built-in charter id or a charter file')
    .option('--parties <ids>', 'comma-separated parties, e.g. SVN,HRV')
    .option('--date <date>', 'filing date (default: the charter reference date)')
    .option('--seed <n>', 'seed of the lot (default 1)')
    .option('--change <file...>', CHANGE_HELP)
    .action((c, o) => listMediators(c, o, out(o)));
  const territory = program
    .command('territory')
    .description(
      'territory: recognised borders, contested areas, border-change requests, demilitarized zones',
    )
    .exitOverride();
  sub(territory, 'borders', 'land borders recognised by a charter on a date, with accepted changes applied')
    .option('--charter <charter>', 'charter (default: continental)')
    .option('--date <date>', 'YYYY-MM-DD (default: the charter reference date)')
    .option('--state <id>', 'only the borders of this state')
    .option('--change <file...>', CHANGE_HELP)
    .action((o) => showBorders(o, out(o)));
  sub(
    territory,
    'coverage',
    'who holds each area a border change transfers on a date, and the guarantees that cover it then',
  )
    .option('--charter <charter>', 'charter (default: continental)')
    .option('--date <date>', 'YYYY-MM-DD (default: the charter reference date)')
    .option('--area <name>', 'only this area (its name in the change)')
    .option('--include-bilateral', 'also count bilateral mutual-defence treaties')
    .option('--change <file...>', CHANGE_HELP)
    .action((o) => showAreaCoverage(o, out(o)));
  sub(
    territory,
    'contested',
    "contested areas: who administers them and each side's stated position, with sources",
  ).action((o) => showContested(out(o)));
  sub(
    territory,
    'change',
    'check a border-change request against the charter: agreement, referendum, observers',
  )
    .argument('<request-file>', 'YAML or JSON request, or a built-in example')
    .option('--change <file...>', `${CHANGE_HELP}; the observers' neutrality sees them`)
    .action((f, o) => checkChange(f, o, out(o)));
  sub(
    territory,
    'dmz',
    'demilitarized zones: monitoring missions checked for neutrality, violations as incidents',
  )
    .argument('<file>', 'YAML or JSON zones file, or a built-in example')
    .option('--change <file...>', CHANGE_HELP)
    .action((f, o) => checkZones(f, o, out(o)));
  sub(territory, 'incidents', "a whole crisis scenario from a DMZ file's violations, for concert simulate")
    .argument('<dmz-file>', 'YAML or JSON zones file, or a built-in example (dragonja-dmz)')
    .option(
      '--scenario <base>',
      'built-in scenario or scenario file whose parties, stances and dynamics are kept',
    )
    .option('--keep-incidents', "keep the base scenario's incidents too, moved to the DMZ file's day 0")
    .option('--id <id>', 'id of the scenario written (default: <base>-dmz or dmz-<zones>)')
    .option('-o, --output <file>', 'write the scenario to this file (default: print it)')
    .option('--change <file...>', `${CHANGE_HELP}; a violation's \`area\` is placed at its holder`)
    .action((f, o) => writeIncidentScenario(f, o, out(o)));
  const audit = program
    .command('audit')
    .description('the record: check an exported audit log against signed checkpoints')
    .exitOverride();
  const auditVerifyCmd = audit
    .command('verify')
    .description(
      'recompute the hash chain and Merkle tree heads of an audit export; report the first altered, removed, reordered, duplicated, truncated or rewritten entry (exit 1)',
    )
    .argument('<export>', 'a concert-audit-export/1 JSON file')
    .option(
      '--checkpoint <file>',
      "a checkpoint you kept (JSON, a list, or a signed note); repeatable; checked before the export's own",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--key <public key>',
      "the log's Ed25519 public key (hex, base64, or a file); default: the export's own",
    )
    .option(
      '--keep <file>',
      'if intact, write the latest checkpoint to this file (a signed note) to pass later',
    )
    .option('--json', 'print one JSON document (shapes: docs/cli.md)')
    .exitOverride()
    .action((f, o) => auditVerify(f, o, out(o)));
  auditVerifyCmd.hook('preAction', (self) => onJson(Boolean(self.opts().json)));
  cmd('tour', 'a short guided tour of Concert on real questions').action((o) => tour(out(o)));
  return program;
}
