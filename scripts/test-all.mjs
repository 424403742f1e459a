// `npm test`: lint, type-check, every Vitest project (unit, db, sync, hq) and the Playwright end-to-end
// specs, then one closing line totalling all of them: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (label, command, args) => {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  console.log(
    `=== ${label}: ${status === 0 ? 'ok' : `exit ${status}`} (${((Date.now() - started) / 1000).toFixed(1)} s) ===`,
  );
  return status === 0;
};

let passed = 0;
let failed = 0;
let skipped = 0;

// Checks that are not tests still count: a lint or type error must not hide behind "0 failed".
for (const [label, command, args] of [
  ['lint (biome)', bin('biome'), ['ci', '.']],
  ['type-check (node side)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['type-check (renderer)', bin('tsc'), ['-p', 'tsconfig.renderer.json', '--noEmit']],
  ['build', process.execPath, ['scripts/build.mjs']],
]) {
  if (run(label, command, args)) passed++;
  else failed++;
}

const vitestJson = path.join(results, 'vitest.json');
const vitestOk = run('vitest (unit, db, sync, hq)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to load has no test results but must still fail the run.
  failed += report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else if (!vitestOk) {
  failed++;
}

const playwrightJson = path.join(results, 'e2e-results.json');
const e2eOk = run('end-to-end (Playwright, Chromium via the web harness)', bin('playwright'), ['test']);
if (existsSync(playwrightJson)) {
  const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  const { stats } = report;
  const reasons = new Set();
  const collect = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        for (const a of t.annotations ?? [])
          if (a.type === 'skip' && a.description) reasons.add(`[${t.projectName}] ${a.description}`);
    for (const child of suite.suites ?? []) collect(child);
  };
  for (const suite of report.suites ?? []) collect(suite);
  for (const reason of reasons) console.log(`skipped: ${reason}`);
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
  if (!e2eOk && stats.unexpected === 0) failed++;
} else if (!e2eOk) {
  failed++;
}

console.log('\nScreenshots of every screen: test-results/screenshots/');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
