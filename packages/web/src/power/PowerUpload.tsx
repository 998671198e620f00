import { parseCharterOrGame } from '@concert/engine';
import { setUpload } from '../uploads/store.ts';
import { UploadPanel } from '../uploads/UploadPanel.tsx';

/**
 * The user's own charter or standalone game file (the two formats `concert power` takes). A valid one joins the
 * session's uploads and is selected; the worker then gets plain players and a rule, as for a built-in charter.
 */
export function PowerUpload({ onUploaded }: { onUploaded: (kind: 'charter' | 'game') => void }) {
  return (
    <UploadPanel
      id="power-upload"
      summary="Analyse your own charter or game file"
      intro="A charter (docs/charter-language.md) or a game file (players and one rule), in YAML or JSON."
      label="Charter or game file"
      what="charters"
      pasteLabel="Or paste the charter's or game's text"
      checkLabel="Analyse pasted text"
      accept={(text, source) => {
        const loaded = parseCharterOrGame(text, { source });
        if (loaded.kind === 'game') setUpload({ game: { game: loaded.game, source } });
        else setUpload({ charter: { charter: loaded.charter, source } });
        onUploaded(loaded.kind);
      }}
    />
  );
}
