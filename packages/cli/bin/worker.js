// Entry of Concert's worker threads: heavy analyses run here, off the main thread, so the caller stays
// responsive, shows progress, and can stop them.
import { register } from 'tsx/esm/api';

register();
await import('../src/jobs/worker.ts');
