import { isIsoDate } from '@concert/engine';

/** The slider starts with 1991, the year the post-Cold-War architecture began to take shape (Paris Charter, USSR's end). */
export const FIRST_DATE = '1991-01-01';
const DAY = 86_400_000;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function dayIndex(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${FIRST_DATE}T00:00:00Z`)) / DAY);
}

export function dateOfIndex(index: number): string {
  return new Date(Date.parse(`${FIRST_DATE}T00:00:00Z`) + index * DAY).toISOString().slice(0, 10);
}

/** A date from the URL or the date input, or the reason it cannot be used. */
export function readDate(text: string | null, fallback: string): { date: string; problem?: string } {
  if (text === null || text === '') return { date: fallback };
  if (!isIsoDate(text))
    return { date: fallback, problem: `“${text}” is not a date as YYYY-MM-DD; showing ${fallback}.` };
  if (text < FIRST_DATE || text > today())
    return {
      date: fallback,
      problem: `${text} is outside ${FIRST_DATE} to ${today()}; showing ${fallback}.`,
    };
  return { date: text };
}
