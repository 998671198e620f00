// The user's own files for this session: one uploaded charter, standalone game and scenario, shared by the
// Charters view, the power lab and the Crises view. Kept in memory only — the text is never put in the address
// (it may be a confidential draft, and would not fit) — so it survives switching views but not a reload.
import type { Charter, Game, Scenario } from '@concert/engine';
import { useSyncExternalStore } from 'react';

/** The id the address uses for "the uploaded one", wherever a built-in id could stand. */
export const UPLOADED = 'upload';

export interface Uploads {
  charter?: { charter: Charter; source: string };
  game?: { game: Game; source: string };
  scenario?: { scenario: Scenario; source: string };
}

let current: Uploads = {};
const listeners = new Set<() => void>();

export function uploads(): Uploads {
  return current;
}

export function setUpload(change: Partial<Uploads>): void {
  current = { ...current, ...change };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUploads(): Uploads {
  return useSyncExternalStore(subscribe, uploads);
}
