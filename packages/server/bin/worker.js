// Entry of the server's worker threads: simulations run here, never on the server's event loop.
import { register } from 'tsx/esm/api';

register();
await import('../src/jobs/worker.ts');
