#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx concert` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
// `concert … | head` closes the pipe early: stop quietly instead of printing a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
