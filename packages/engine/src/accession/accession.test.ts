import { describe, expect, it } from 'vitest';
import { builtinCharter } from '../builtin/index.ts';
import { evaluateAccession } from './index.ts';

describe('accession', () => {
  const nato = builtinCharter('nato');
  it('lets any Ally block an invitation (Art. 10, unanimity) and records the ratification requirement', () => {
    const r = evaluateAccession({ charter: nato, applicant: 'FIN', date: '2022-06-01', objections: ['TUR'] });
    expect(r.outcome).toBe('blocked');
    expect(r.ratification.blockedBy).toEqual(['TUR']);
  });

  it('gives a non-member objection no standing under NATO alone', () => {
    const r = evaluateAccession({ charter: nato, applicant: 'FIN', date: '2022-06-01', objections: ['RUS'] });
    expect(r.outcome).toBe('admitted');
    expect(r.ignored).toEqual(['RUS']);
  });

  it('gives every party a say under the est-2009 reading of indivisible security, and none under esd-western', () => {
    const est = builtinCharter('est-2009');
    const esd = builtinCharter('esd-western');
    const under = (alongside: typeof est) =>
      evaluateAccession({
        charter: nato,
        applicant: 'FIN',
        date: '2022-06-01',
        objections: ['RUS'],
        alongside: [alongside],
      });
    expect(under(est).outcome).toBe('blocked');
    expect(under(est).counted.find((c) => c.charter === 'est-2009')?.ids).toEqual(['RUS']);
    expect(under(esd).outcome).toBe('admitted');
  });

  it('says a member is already a member', () => {
    expect(evaluateAccession({ charter: nato, applicant: 'POL', date: '2026-01-01' }).outcome).toBe(
      'already-member',
    );
  });

  it('keeps the continental alliance to European and Western Asian OSCE states', () => {
    const continental = builtinCharter('continental');
    const r = evaluateAccession({ charter: continental, applicant: 'KAZ', objections: ['RUS'] });
    expect(r.outcome).toBe('not-eligible');
    const ok = evaluateAccession({ charter: continental, applicant: 'SRB', objections: ['RUS'] });
    expect(ok.outcome).toBe('already-member');
  });
});
