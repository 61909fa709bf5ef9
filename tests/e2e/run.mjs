#!/usr/bin/env node
// End-to-end harness (`make e2e`). Builds nothing: it expects www/pkg/ (make pkg) and the server binary
// ($AC_BIN, default target/server/accountability-checklist). It starts one server on a free port with a
// temporary database (shared by the test files through $AC_BASE_URL; tests that need another "today" start
// their own), runs every tests/e2e/*.test.mjs with node's built-in test runner, one file at a time, then
// stops the server. Arguments filter the files by name: `node tests/e2e/run.mjs portal a11y`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DIR, ROOT, TODAY, startServer } from './lib.mjs';

const filters = process.argv.slice(2).filter(Boolean);
// compat.test.mjs speaks the DevTools protocol over WebSocket, which Node 20 has behind a flag (22 has it anyway).
const WEBSOCKET_FLAG = typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [];
const files = readdirSync(E2E_DIR)
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(2);
}
for (const need of ['www/pkg/accountability_checklist_bg.wasm', 'www/checklist.js']) {
  if (!existsSync(join(ROOT, need))) console.error(`warning: ${need} is missing (run \`make pkg\`); widget tests will fail`);
}

const server = await startServer({ today: process.env.AC_TODAY || TODAY.geren });
console.log(`e2e: server ${server.url} (today ${server.today}); files: ${files.join(', ')}`);
let failed = [];
const stop = async () => { await server.stop().catch(() => {}); };
process.on('SIGINT', async () => { await stop(); process.exit(130); });
process.on('SIGTERM', async () => { await stop(); process.exit(143); });

try {
  for (const file of files) {
    const code = await new Promise((ok) => {
      // A hung test must not eat CI's time limit: 3 min per test, 10 min per file.
      const child = spawn(process.execPath, [...WEBSOCKET_FLAG, '--test', '--test-reporter=spec', '--test-timeout=180000', join(E2E_DIR, file)], {
        cwd: ROOT,
        stdio: 'inherit',
        env: {
          ...process.env, AC_BASE_URL: server.url, AC_TODAY: server.today,
          AC_REVIEWER_TOKEN: server.reviewerToken, AC_AUDITOR_TOKEN: server.auditorToken,
        },
      });
      const timer = setTimeout(() => { console.error(`e2e: ${file} still running after 10 min, killed`); child.kill('SIGKILL'); }, 600_000);
      child.on('exit', (c, sig) => { clearTimeout(timer); ok(c ?? (sig ? 1 : 0)); });
    });
    if (code !== 0) failed.push(file);
  }
} finally {
  await stop();
}
if (failed.length) {
  console.error(`\ne2e: FAILED: ${failed.join(', ')}`);
  if (server.output().trim()) console.error(`server output:\n${server.output()}`);
  process.exit(1);
}
console.log(`\ne2e: all ${files.length} test files passed`);
