import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowList, evaluateFindings, type AllowEntry, type Finding } from '../scripts/electronegativity-policy.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

const finding = (patch: Partial<Finding>): Finding => ({
  id: 'OPEN_EXTERNAL_JS_CHECK',
  file: 'electron/platform/security.ts',
  line: 10,
  sample: 'void shell.openExternal(url);',
  description: 'Review the use of openExternal',
  severity: 'MEDIUM',
  confidence: 'TENTATIVE',
  ...patch,
});
const entry: AllowEntry = {
  id: 'OPEN_EXTERNAL_JS_CHECK',
  files: ['electron/platform/security.ts', 'out/main/*.js'],
  sampleIncludes: 'shell.openExternal(url)',
  reason: 'checked by isAllowedExternal first, tested',
};

describe('evaluateFindings', () => {
  it('fails MEDIUM and HIGH findings unless an entry covers id, file and sample', () => {
    const outcome = evaluateFindings(
      [
        finding({}),
        finding({ file: 'out/main/main.js' }),
        finding({ file: 'out/main/sub/main.js' }), // * does not cross folders
        finding({ sample: 'shell.openExternal(req.query.url)' }),
        finding({ id: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH', sample: 'nodeIntegration: true' }),
        finding({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW' }),
      ],
      [entry],
    );
    expect(outcome.allowed.map((a) => a.finding.file)).toEqual(['electron/platform/security.ts', 'out/main/main.js']);
    expect(outcome.failing.map((f) => `${f.id} ${f.file} ${f.sample}`)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK out/main/sub/main.js void shell.openExternal(url);',
      'OPEN_EXTERNAL_JS_CHECK electron/platform/security.ts shell.openExternal(req.query.url)',
      'NODE_INTEGRATION_JS_CHECK electron/platform/security.ts nodeIntegration: true',
    ]);
    expect(outcome.notes.map((f) => f.id)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(outcome.unused).toEqual([]);
  });

  it('reports entries that matched nothing', () => {
    expect(evaluateFindings([], [entry]).unused).toEqual([entry]);
  });

  it('requires a real reason for every allow-list entry, and the shipped list has one', async () => {
    expect(AllowList.safeParse([{ ...entry, reason: 'ok' }]).success).toBe(false);
    expect(AllowList.safeParse([{ ...entry, extra: 1 }]).success).toBe(false);
    const { readFile } = await import('node:fs/promises');
    const shipped = AllowList.parse(JSON.parse(await readFile(path.join(root, 'scripts/electronegativity-allow.json'), 'utf8')));
    expect(shipped.length).toBeGreaterThan(0);
  });
});

describe('audit-electron script (real Electronegativity, offline)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rpd-audit-'));
    await writeFile(
      path.join(dir, 'main.js'),
      // A class private field, as in real bundles: the tool's own JavaScript parser stops at it.
      "const { BrowserWindow } = require('electron');\nclass Counter { #count = 0; next() { return ++this.#count; } }\nnew Counter();\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const script = path.join(root, 'scripts/audit-electron.ts');

  it('fails on an insecure window and names the findings', async () => {
    const error = await run(process.execPath, [script, '--input', dir], { cwd: root }).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stdout).toMatch(/FAIL\s+HIGH\s+CONTEXT_ISOLATION_JS_CHECK \S+main\.js:4/);
    expect(error?.stdout).not.toContain('could not parse');
    expect(error?.stdout).toMatch(/FAIL\s+MEDIUM\s+SANDBOX_JS_CHECK/);
    expect(error?.stdout).toMatch(/FAIL\s+HIGH\s+LIMIT_NAVIGATION_GLOBAL_CHECK N\/A/);
  });

  it('passes on the electron/ sources with the reviewed allow-list', async () => {
    const { stdout } = await run(process.execPath, [script, '--input', 'electron'], { cwd: root });
    expect(stdout).toContain('audit:electron: passed');
    expect(stdout).not.toContain('FAIL');
  });
});
