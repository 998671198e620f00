import { describe, expect, it } from 'vitest';
import { InvalidDateError, membershipHistory, membershipOn, membersOf, UnknownIdError } from './index.ts';

describe('organisation membership on a date', () => {
  it('NATO had 28 members on 2009-06-24 and 32 on 2026-01-01', () => {
    expect(membersOf('NATO', '2009-06-24')).toHaveLength(28);
    expect(membersOf('NATO', '2026-01-01')).toHaveLength(32);
    expect(membersOf('NATO', '1949-08-24')).toHaveLength(12);
  });

  it('Croatia is a NATO member on the day it joined (2009-04-01) but not the day before', () => {
    expect(membershipOn('NATO', 'HRV', '2009-03-31')).toBe('non-member');
    expect(membershipOn('NATO', 'HRV', '2009-04-01')).toBe('member');
  });

  it('France stayed a NATO member while outside the integrated command (1966-2009)', () => {
    for (const date of ['1966-07-01', '1980-01-01', '2008-12-31'])
      expect(membershipOn('NATO', 'FRA', date)).toBe('member');
  });

  it('the EU had 27 members on 2009-06-24 and 2026-01-01 but 28 in 2015', () => {
    expect(membersOf('EU', '2009-06-24')).toHaveLength(27);
    expect(membersOf('EU', '2015-06-01')).toHaveLength(28);
    expect(membersOf('EU', '2026-01-01')).toHaveLength(27);
  });

  it('the UK was an EU member on 2020-01-31 and not from 2020-02-01', () => {
    expect(membershipOn('EU', 'GBR', '2020-01-31')).toBe('member');
    expect(membershipOn('EU', 'GBR', '2020-02-01')).toBe('non-member');
  });

  it('counts EEC membership: Germany from 1958, Greece from 1981', () => {
    expect(membershipOn('EU', 'DEU', '1958-01-01')).toBe('member');
    expect(membershipOn('EU', 'GRC', '1980-12-31')).toBe('non-member');
    expect(membershipOn('EU', 'GRC', '1981-01-01')).toBe('member');
  });

  it('follows the CSTO timeline: three leave in 1999, Uzbekistan returns in 2006 and leaves in 2012, Armenia freezes in 2024', () => {
    expect(membersOf('CSTO', '1995-01-01')).toEqual([
      'ARM',
      'AZE',
      'BLR',
      'GEO',
      'KAZ',
      'KGZ',
      'RUS',
      'TJK',
      'UZB',
    ]);
    expect(membersOf('CSTO', '2000-01-01')).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    expect(membersOf('CSTO', '2009-06-24')).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
    expect(membershipOn('CSTO', 'UZB', '2012-09-01')).toBe('suspended');
    expect(membershipOn('CSTO', 'UZB', '2013-01-01')).toBe('non-member');
    expect(membershipOn('CSTO', 'ARM', '2026-01-01')).toBe('suspended');
    expect(membersOf('CSTO', '2026-01-01')).toEqual(['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    expect(membersOf('CSTO', '2026-01-01', { includeSuspended: true })).toEqual([
      'ARM',
      'BLR',
      'KAZ',
      'KGZ',
      'RUS',
      'TJK',
    ]);
  });

  it('Georgia left the CIS on 2009-08-18; the EAEU starts on 2015-01-01', () => {
    expect(membershipOn('CIS', 'GEO', '2009-08-17')).toBe('member');
    expect(membershipOn('CIS', 'GEO', '2009-08-18')).toBe('non-member');
    expect(membersOf('EAEU', '2014-12-31')).toEqual([]);
    expect(membersOf('EAEU', '2026-01-01')).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS']);
  });

  it('the Council of Europe has 46 members after expelling Russia on 2022-03-16', () => {
    expect(membershipOn('COE', 'RUS', '2022-03-01')).toBe('suspended');
    expect(membershipOn('COE', 'RUS', '2022-03-16')).toBe('non-member');
    expect(membersOf('COE', '2026-01-01')).toHaveLength(46);
  });

  it('the WEU had 10 full members until it ceased on 2011-06-30', () => {
    expect(membersOf('WEU', '2011-06-30')).toHaveLength(10);
    expect(membersOf('WEU', '2011-07-01')).toEqual([]);
  });

  it('derives the OSCE from the states: 56 participating States in 2009, 57 since Mongolia (2012-11-21)', () => {
    expect(membersOf('OSCE', '2009-06-24')).toHaveLength(56);
    expect(membersOf('OSCE', '2012-11-20')).toHaveLength(56);
    expect(membersOf('OSCE', '2012-11-21')).toHaveLength(57);
    expect(membersOf('OSCE', '1975-08-01')).toHaveLength(32);
  });

  it('returns members sorted by id', () => {
    const members = membersOf('NATO', '2026-01-01');
    expect(members).toEqual([...members].sort());
  });

  it('lists a state history across organisations in date order', () => {
    const history = membershipHistory('GEO');
    expect(history.map((e) => `${e.organisation}:${e.type}:${e.date}`)).toEqual(
      [
        'OSCE:joined:1992-03-24',
        'CIS:joined:1993-12-03',
        'CSTO:joined:1994-04-20',
        'COE:joined:1999-04-27',
        'CSTO:left:1999-04-20',
        'CIS:left:2009-08-18',
      ].sort((a, b) => a.split(':')[2]!.localeCompare(b.split(':')[2]!)),
    );
  });

  it('rejects bad dates and unknown ids with typed errors', () => {
    expect(() => membersOf('NATO', '2009-02-30')).toThrow(InvalidDateError);
    expect(() => membershipOn('NATO', 'XYZ', '2009-01-01')).toThrow(UnknownIdError);
    expect(() => membersOf('NAT', '2009-01-01')).toThrow(/Did you mean "NATO"/);
  });
});
