#!/usr/bin/env node
// Starts the council platform from the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
await main();
