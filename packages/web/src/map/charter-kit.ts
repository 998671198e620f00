import { useEffect, useState } from 'react';

export type CharterKit = typeof import('./power-rule.ts');

let loading: Promise<CharterKit> | undefined;

/** The built-in charters, parsed: a separate chunk, fetched after the first paint. */
export function loadCharterKit(): Promise<CharterKit> {
  loading ??= import('./power-rule.ts');
  return loading;
}

/** The charter kit once `wanted` has been true: the map asks for it after its first draw, so as not to delay it. */
export function useCharterKit(wanted: boolean): { kit?: CharterKit; error?: string } {
  const [state, setState] = useState<{ kit?: CharterKit; error?: string }>({});
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadCharterKit().then(
      (kit) => live && setState({ kit }),
      (e: Error) => live && setState({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return state;
}
