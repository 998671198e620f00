import { builtinCharter, coverageOn, institutionOn } from '@concert/engine';
import type { Output } from '../output.ts';
import { listCharters } from './charters.ts';
import { showCoverage } from './members.ts';
import { vote } from './vote.ts';

/** The walkthrough `npm start` runs: a few real questions answered by the engine. */
export function tour(out: Output): void {
  const step = (n: number, title: string, command: string) =>
    out.print(`\n── ${n}. ${title}\n   $ npx concert ${command}\n`);
  out.print(
    'Concert — European security architectures as code. A short tour; every answer below is computed.',
  );
  step(1, 'The built-in architectures', 'charters');
  listCharters(out);
  step(
    2,
    'Could the four largest EU states block a qualified-majority decision?',
    'vote eu --category qmv --no DEU,FRA,ITA,ESP --yes <the other 23> --date 2026-01-01',
  );
  vote('eu', { category: 'qmv', no: 'DEU,FRA,ITA,ESP', date: '2026-01-01', yes: euOthers() }, out);
  step(
    3,
    'Who had no legally binding defence guarantee on 2009-12-01 (the day the Lisbon Treaty took effect)?',
    'coverage --date 2009-12-01',
  );
  showCoverage({ date: '2009-12-01' }, out);
  seedComparison(out);
  step(
    4,
    'Can any single member block a major security action of the proposed continental alliance?',
    'vote continental --category major-security-action --no RUS --yes <everyone else>',
  );
  vote(
    'continental',
    { category: 'major-security-action', no: 'RUS', absentRest: false, yes: continentalOthers('RUS') },
    out,
  );
  out.print(
    '\nMore: concert --help, concert show continental, concert diff est-2009 esd-western, docs/ in the repository.',
  );
}

function euOthers(): string {
  const c = builtinCharter('eu');
  return institutionOn(c, '2026-01-01')
    .members.map((m) => m.id)
    .filter((id) => !['DEU', 'FRA', 'ITA', 'ESP'].includes(id))
    .join(',');
}

function continentalOthers(except: string): string {
  const c = builtinCharter('continental');
  return institutionOn(c, c.reference_date)
    .members.map((m) => m.id)
    .filter((id) => id !== except)
    .join(',');
}

// Seed 004 ("Is there a need for a legally binding treaty?") lists the states "not protected under any legally
// binding Treaty" in 2009: Switzerland, the former Yugoslav states except Slovenia and Croatia, Ukraine, Moldova,
// Azerbaijan, Georgia and Turkmenistan.
const SEED_004_UNCOVERED = ['CHE', 'SRB', 'MNE', 'BIH', 'MKD', 'UKR', 'MDA', 'AZE', 'GEO', 'TKM'];

function seedComparison(out: Output): void {
  const computed = coverageOn('2009-12-01').uncovered;
  const extra = computed.filter((id) => !SEED_004_UNCOVERED.includes(id));
  const missing = SEED_004_UNCOVERED.filter((id) => !computed.includes(id));
  out.print(
    `\nSeed 004 lists ${SEED_004_UNCOVERED.length} uncovered states: ${SEED_004_UNCOVERED.join(' ')}.`,
  );
  out.print(
    `Concert agrees on all of them${missing.length ? `, except ${missing.join(' ')}` : ''} and adds ${extra.join(' ')} — the microstates, which the seed does not mention.`,
  );
  const before = coverageOn('2009-06-24').uncovered.filter((id) => !computed.includes(id));
  out.print(
    `On 2009-06-24, before the Lisbon Treaty's Art. 42(7), ${before.join(' ')} were uncovered too: the seed's list already assumes Lisbon in force.`,
  );
}
