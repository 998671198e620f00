import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertIsoDate,
  compareIsoDates,
  formatIsoDate,
  InvalidDateError,
  isIsoDate,
  parseIsoDate,
} from './index.ts';

describe('ISO dates', () => {
  it('accepts real calendar dates, including 29 February in leap years', () => {
    expect(isIsoDate('2009-06-24')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(parseIsoDate('2009-12-01')).toEqual({ year: 2009, month: 12, day: 1 });
  });

  it('rejects 2009-02-30 with a typed error that says why', () => {
    expect(() => parseIsoDate('2009-02-30')).toThrow(InvalidDateError);
    expect(() => parseIsoDate('2009-02-30')).toThrow(/day 30 does not exist in 2009-02, which has 28 days/);
  });

  it('rejects 29 February outside leap years, month 13 and other forms', () => {
    for (const bad of [
      '1900-02-29',
      '2023-02-29',
      '2009-13-01',
      '2009-00-10',
      '2009-6-24',
      '24.06.2009',
      '',
      'x',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(() => assertIsoDate(20090624)).toThrow(/expected a string/);
  });

  it('keeps the input on the error for callers that show it', () => {
    try {
      parseIsoDate('2009-04-31');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidDateError);
      expect((error as InvalidDateError).input).toBe('2009-04-31');
    }
  });

  it('round-trips every valid date through parse and format, and orders dates as strings do', () => {
    const dates = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(dates, dates, (a, b) => {
        const x = a.toISOString().slice(0, 10);
        const y = b.toISOString().slice(0, 10);
        expect(formatIsoDate(parseIsoDate(x))).toBe(x);
        expect(Math.sign(compareIsoDates(x, y))).toBe(Math.sign(Date.parse(x) - Date.parse(y)));
      }),
    );
  });
});
