// Entry of the embedded database's thread (PGlite off the server's event loop).
import { register } from 'tsx/esm/api';

register();
await import('../src/database/pglite-thread.ts');
