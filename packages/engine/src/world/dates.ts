// ISO calendar dates (YYYY-MM-DD). Every date a user gives Concert goes through here, so that "2009-02-30" is
// rejected with a message instead of silently rolling over to March as `new Date()` would.
import { InvalidDateError } from './errors.ts';
import type { IsoDate } from './types.ts';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? 0;
}

/** Why `text` is not a valid ISO date, or undefined when it is one. */
function dateProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return `expected a string, got ${typeof text}`;
  const match = ISO_DATE.exec(text);
  if (!match) return 'expected the form YYYY-MM-DD';
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `month ${match[2]} is not between 01 and 12`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last)
    return `day ${match[3]} does not exist in ${match[1]}-${match[2]}, which has ${last} days`;
  return undefined;
}

export function isIsoDate(text: unknown): text is IsoDate {
  return dateProblem(text) === undefined;
}

/** Parses a YYYY-MM-DD date; throws InvalidDateError naming the problem (e.g. "2009-02-30": February has 28 days). */
export function parseIsoDate(text: unknown): CalendarDate {
  const problem = dateProblem(text);
  if (problem !== undefined) throw new InvalidDateError(String(text), problem);
  const [year, month, day] = (text as string).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Returns the date unchanged after checking it; the form callers use at API boundaries. */
export function assertIsoDate(text: unknown): IsoDate {
  parseIsoDate(text);
  return text as IsoDate;
}

/** Valid ISO dates order correctly as strings, so comparison needs no parsing. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function formatIsoDate({ year, month, day }: CalendarDate): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
