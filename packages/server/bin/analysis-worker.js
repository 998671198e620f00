// Entry of the server's analysis thread: the audit chain's verification and session log replays run here,
// never on the server's event loop.
import { register } from 'tsx/esm/api';

register();
await import('../src/jobs/analysis-worker.ts');
