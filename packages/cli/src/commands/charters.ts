import {
  builtinCharter,
  builtinCharterIds,
  charterJsonSchema,
  describeRule,
  institutionOn,
  isBuiltinCharter,
  parseScenario,
  readDocument,
  scenarioJsonSchema,
} from '@concert/engine';
import { loadCharter, loadCharterOrGame, readSmallFile } from '../inputs.ts';
import type { Output } from '../output.ts';
import { heading, table } from '../table.ts';

export function listCharters(out: Output): void {
  const charters = builtinCharterIds().map((id) => builtinCharter(id));
  out.data({
    charters: charters.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status.kind,
      legalNature: c.legal_nature.kind,
      scope: c.scope.dimensions,
      referenceDate: c.reference_date,
    })),
  });
  out.print(
    table(
      ['id', 'name', 'status', 'legal nature', 'scope'],
      charters.map((c) => [
        c.id,
        c.name,
        c.status.kind,
        c.legal_nature.kind,
        c.scope.dimensions.length === 3 ? 'all three dimensions' : c.scope.dimensions.join(', '),
      ]),
    ),
  );
  out.print('\nconcert show <id> for a charter in full; concert diff <a> <b> to compare two.');
}

export function showCharter(arg: string, opts: { date?: string }, out: Output): void {
  const charter = loadCharter(arg);
  const date = opts.date ?? charter.reference_date;
  const inst = institutionOn(charter, date);
  out.data({ charter, members: { date, ids: inst.members.map((m) => m.id), suspended: inst.suspended } });
  out.print(heading(`${charter.name} (${charter.id})`));
  out.print(charter.summary);
  out.print(`\nStatus: ${charter.status.kind}${charter.status.note ? ` — ${charter.status.note}` : ''}`);
  out.print(`Legal nature: ${charter.legal_nature.kind}  [${charter.legal_nature.cite}]`);
  out.print(`Scope: ${charter.scope.dimensions.join(', ')}  [${charter.scope.cite}]`);
  out.print(`Members on ${date}: ${inst.members.length} — ${inst.members.map((m) => m.id).join(' ')}`);
  if (inst.suspended.length) out.print(`Suspended on ${date}: ${inst.suspended.join(' ')}`);
  for (const body of charter.bodies) {
    out.print(heading(`${body.name} (${body.id})`));
    out.print(
      table(
        ['category', 'rule', 'citation'],
        body.categories.map((k) => [
          `${k.id}${k.in_force ? ` (${k.in_force.from ?? ''}–${k.in_force.to ?? ''})` : ''}`,
          describeRule(k.rule) + (k.recusal ? ` [parties: ${k.recusal.parties}]` : ''),
          k.cite,
        ]),
      ),
    );
  }
  if (charter.guarantees.length) {
    out.print(heading('Guarantees'));
    out.print(
      table(
        ['id', 'nature', 'binding', 'triggers', 'citation'],
        charter.guarantees.map((g) => [
          g.id,
          g.nature,
          g.legally_binding ? 'yes' : 'no',
          g.triggers.join(', '),
          g.cite,
        ]),
      ),
    );
    for (const g of charter.guarantees.filter((x) => x.ladder.length > 0)) {
      out.print(`\nResponse ladder of ${g.id} (concert simulate plays it; docs/crisis.md):`);
      out.print(
        table(
          ['rung', 'kind', 'from severity', 'decided by', 'days', 'who must act', 'citation'],
          g.ladder.map((r) => [
            r.id,
            r.kind,
            String(r.activation.min_severity),
            r.decided_by ? `${r.decided_by.body}/${r.decided_by.category}` : 'no decision',
            String(r.deadline_days ?? 0),
            r.obligations.who,
            r.cite,
          ]),
        ),
      );
    }
  }
  out.print(heading('Accession and withdrawal'));
  out.print(
    `Open to: ${charter.accession.open_to}. Who may object: ${charter.accession.objectors}. Ratification: ${charter.accession.ratification}.  [${charter.accession.cite}]`,
  );
  if (charter.alliance_choice)
    out.print(
      `Say over others' alliance choices: ${charter.alliance_choice.others_may_object ? 'yes' : 'no'} — ${charter.alliance_choice.basis}  [${charter.alliance_choice.cite}]`,
    );
  out.print(
    `Withdrawal: ${charter.withdrawal.allowed ? 'allowed' : 'not allowed'} — ${charter.withdrawal.conditions}  [${charter.withdrawal.cite}]`,
  );
  if (charter.provisions.length) {
    out.print(heading('Other provisions'));
    for (const p of charter.provisions) out.print(`• ${p.title} (${p.topic}): ${p.text}  [${p.cite}]`);
  }
  if (charter.choices.length) {
    out.print(heading('Choices Concert made where the source is silent'));
    for (const c of charter.choices) out.print(`• ${c.question} ${c.choice}\n  Why: ${c.reason}`);
  }
}

export function validateFile(file: string, out: Output): void {
  if (!isBuiltinCharter(file) && isScenarioFile(file)) {
    const s = parseScenario(readSmallFile(file), { source: file });
    out.data({
      valid: true,
      kind: 'scenario',
      id: s.id,
      incidents: s.incidents.length,
      parties: s.parties.length,
    });
    out.print(
      `✓ ${file}: valid scenario "${s.id}" — ${s.incidents.length} incidents, ${s.parties.length} parties (concert simulate ${file} --charter …)`,
    );
    return;
  }
  const loaded = loadCharterOrGame(file);
  if (loaded.kind === 'charter') {
    const c = loaded.charter;
    const categories = c.bodies.reduce((n, b) => n + b.categories.length, 0);
    out.data({ valid: true, kind: 'charter', id: c.id, bodies: c.bodies.length, categories });
    out.print(
      `✓ ${file}: valid charter "${c.id}" — ${c.bodies.length} bodies, ${categories} decision categories, ${c.guarantees.length} guarantees`,
    );
  } else {
    const g = loaded.game;
    out.data({ valid: true, kind: 'game', players: g.players.length });
    out.print(`✓ ${file}: valid game file — ${g.players.length} players`);
  }
}

/** A file whose top level has `incidents` and `parties` is a scenario (read errors are left to the loader). */
function isScenarioFile(file: string): boolean {
  let text: string;
  try {
    text = readSmallFile(file);
  } catch {
    return false;
  }
  const read = readDocument(text, { source: file, format: 'auto' });
  if (!read.ok || read.value === null || typeof read.value !== 'object') return false;
  return 'incidents' in read.value && 'parties' in read.value;
}

export function printSchema(kind: 'charter' | 'game' | 'scenario', out: Output): void {
  const schema = kind === 'scenario' ? scenarioJsonSchema() : charterJsonSchema(kind);
  process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  void out;
}
