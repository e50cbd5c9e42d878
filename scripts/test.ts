// `npm test`: every vitest project (unit, renderer, e2e), then one plain summary line
// `N passed, N failed, N skipped` that CI reads. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const report = join(root, 'test-output', 'vitest.json');
mkdirSync(join(root, 'test-output'), { recursive: true });
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
}
let summary: JsonReport | null;
try {
  summary = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
} catch {
  summary = null;
}
if (!summary) {
  console.log('0 passed, 1 failed');
  process.exit(run.status || 1);
}
// A file that fails to load counts as a failure even though none of its tests ran.
const failed = summary.numFailedTests + (summary.numFailedTests === 0 ? summary.numFailedTestSuites : 0);
console.log(`${summary.numPassedTests} passed, ${failed} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`);
process.exit(run.status ?? 1);
