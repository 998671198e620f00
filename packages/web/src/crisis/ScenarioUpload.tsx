import { parseScenario } from '@concert/engine';
import { setUpload } from '../uploads/store.ts';
import { UploadPanel } from '../uploads/UploadPanel.tsx';

/** The user's own scenario file, validated as `concert simulate file.yaml` validates it; a valid one is selected. */
export function ScenarioUpload({ onUploaded }: { onUploaded: () => void }) {
  return (
    <UploadPanel
      id="scenario-upload"
      summary="Play your own scenario file"
      intro={'A scenario in YAML or JSON (docs/crisis.md, "Scenario files").'}
      label="Scenario file"
      what="scenarios"
      pasteLabel="Or paste the scenario's text"
      checkLabel="Play pasted scenario"
      accept={(text, source) => {
        setUpload({ scenario: { scenario: parseScenario(text, { source }), source } });
        onUploaded();
      }}
    />
  );
}
