// Day arithmetic on ISO dates for deadlines. Pure (UTC, no time zones): "30 days after 2026-01-31" is 2026-03-02.
import { assertIsoDate, type IsoDate } from '../world/index.ts';

const DAY = 86_400_000;

export function addDays(date: IsoDate, days: number): IsoDate {
  assertIsoDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}
