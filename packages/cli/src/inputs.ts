import { readFileSync, statSync } from 'node:fs';
import {
  builtinCharter,
  builtinCharterIds,
  type Charter,
  CharterError,
  type CharterOrGame,
  closestIds,
  isBuiltinCharter,
  isIsoDate,
  isStateId,
  parseCharterOrGame,
  world,
} from '@concert/engine';
import { UsageError } from './errors.ts';

/** Largest charter or game file Concert reads; bigger files are refused before reading. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type Loaded = CharterOrGame;

/** A built-in charter id, or a path to a charter or game file (YAML or JSON). */
export function loadCharterOrGame(arg: string): Loaded {
  if (isBuiltinCharter(arg)) return { kind: 'charter', charter: builtinCharter(arg) };
  return parseCharterOrGame(readSmallFile(arg), { source: arg });
}

export function loadCharter(arg: string): Charter {
  const loaded = loadCharterOrGame(arg);
  if (loaded.kind !== 'charter')
    throw new UsageError(`${arg} is a game file, not a charter`, 'this command needs a charter');
  return loaded.charter;
}

/** The size of a regular file, checked before it is read; `missing` says what to report when there is none. */
function fileSize(path: string, missing: () => UsageError): number {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`${path} is not a file`);
    return stat.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw missing();
  }
}

export function readSmallFile(path: string): string {
  const size = fileSize(path, () => {
    const near = closestIds(path, builtinCharterIds());
    return new UsageError(
      `no built-in charter or file named "${path}"`,
      `built-in charters: ${builtinCharterIds().join(', ')}${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}`,
    );
  });
  if (size > MAX_FILE_BYTES) {
    throw new CharterError(
      `file is ${(size / 1024 / 1024).toFixed(1)} MB; charters and game files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      path,
      [],
      'a charter is a few hundred lines; check that this is the right file',
    );
  }
  return readFileSync(path, 'utf8');
}

/** Reads a file that is not a charter, refusing one larger than `maxBytes` before reading it. */
export function readFileCapped(path: string, maxBytes: number, what: string): string {
  const size = fileSize(path, () => new UsageError(`no file named "${path}"`));
  if (size > maxBytes) {
    const mb = (b: number) =>
      b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(b % (1024 * 1024) ? 1 : 0)} MB` : `${b} bytes`;
    throw new UsageError(
      `${path} is ${mb(size)}; ${what} are limited to ${mb(maxBytes)}`,
      'check that this is the right file',
    );
  }
  return readFileSync(path, 'utf8');
}

export function parseDate(value: string | undefined, fallback: string): string {
  const date = value ?? fallback;
  if (!isIsoDate(date))
    throw new UsageError(`"${date}" is not a valid date`, 'write dates as YYYY-MM-DD, e.g. 2009-06-24');
  return date;
}

/** A comma-separated list of ids. State ids are checked against the world data unless they name other players. */
export function parseIds(value: string | undefined, flag: string, known?: Set<string>): string[] {
  if (!value) return [];
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of ids) {
    if (known ? !known.has(id) : !isStateId(id)) {
      const pool = known ? [...known] : world.states.map((s) => s.id);
      const near = closestIds(id.toUpperCase(), pool);
      throw new UsageError(
        `${flag}: unknown member "${id}"`,
        near.length ? `did you mean ${near.join(' or ')}?` : 'use ISO 3166 alpha-3 ids such as DEU, FRA, RUS',
      );
    }
  }
  return ids;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
