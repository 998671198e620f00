import type { Database, Queryable } from './types.ts';

/**
 * Rows per page when a whole table is read for an analysis. On PGlite each query runs on the server's loop,
 * so its pages are smaller: a page of 250 audit rows takes a few milliseconds there.
 */
export const PAGE_ROWS = { postgresql: 1000, pglite: 250 } as const;

/**
 * Reads `select` in pages of JSON text, for a worker thread to parse: the database aggregates each page into
 * one string, so the loop neither parses rows nor copies objects to the thread. `select` must take the last
 * key read as $1 and the page's size as $2 (then `params`), order by `key` and return it. One short query per
 * page, and a turn of the event loop between pages, so other requests are served while a long table is read.
 */
export async function jsonPages(
  db: Queryable,
  select: string,
  key: string,
  params: unknown[] = [],
  rows: number = PAGE_ROWS[(db as Partial<Database>).kind ?? 'pglite'],
): Promise<string[]> {
  const pages: string[] = [];
  for (let after = 0; ; ) {
    const [page] = await db.query<{ n: number; last: number | null; rows: string }>(
      `SELECT count(*)::int AS n, max(t.${key}) AS last, coalesce(json_agg(t ORDER BY t.${key}), '[]')::text AS rows
         FROM (${select}) t`,
      [after, rows, ...params],
    );
    if (!page || Number(page.n) === 0) return pages;
    pages.push(page.rows);
    if (Number(page.n) < rows) return pages;
    after = Number(page.last);
    await new Promise<void>((r) => setImmediate(r));
  }
}
