// npm run audit:electron: Electronegativity over the build output (out/) and the Electron
// sources (electron/). Fails on any MEDIUM or HIGH finding not covered by a reviewed entry in
// scripts/electronegativity-allow.json. Runs on Node 24 (type stripping):
//   node scripts/audit-electron.ts [--input dir]... [--allow file] [--json report.json] [--require-build]
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AllowList, Finding, evaluateFindings, type AllowEntry } from './electronegativity-policy.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const { values } = parseArgs({
  options: {
    input: { type: 'string', multiple: true },
    allow: { type: 'string', default: path.join(root, 'scripts', 'electronegativity-allow.json') },
    json: { type: 'string' },
    'require-build': { type: 'boolean', default: false },
  },
});

interface RawIssue {
  id: string;
  file: string;
  sample?: unknown;
  description?: unknown;
  location?: { line?: number };
  severity: { name: string };
  confidence: { name: string };
}
interface RawResult {
  issues: RawIssue[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}
type Run = (options: Record<string, unknown>) => Promise<RawResult>;

/**
 * Electronegativity downloads translations and Electron's release list on every run (through
 * `got`). Builds must not reach the internet and the bundled English texts suffice, so `got`
 * is replaced by a function that fails at once; the tool then uses its offline fallbacks.
 */
function loadElectronegativity(): Run {
  const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = createRequire(path.join(toolDir, 'dist', 'runner.js')).resolve('got');
  const offline = () => Promise.reject(new Error('network disabled for the audit'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
  const mod = require('@doyensec/electronegativity') as Run | { default: Run };
  return typeof mod === 'function' ? mod : mod.default;
}

/**
 * Electronegativity parses .js with esprima, then with an old Babel walker that stops at ES2022
 * class private fields ("Unknown node type ClassPrivateProperty"), which bundles in out/
 * contain; a file it cannot parse goes unchecked. Its TypeScript path parses modern syntax, and
 * JavaScript is TypeScript syntax, so bundled .js files are scanned from a copy named <file>.ts.
 * Returns the staging folder and how to map its paths back.
 */
function stageJavaScript(dir: string): { scanDir: string; original: (file: string) => string; cleanup: () => void } | null {
  const jsFiles = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter(
    (f) => /\.(c|m)?js$/.test(f) && !f.split(path.sep).includes('node_modules'),
  );
  if (jsFiles.length === 0) return null;
  const staging = mkdtempSync(path.join(tmpdir(), 'rpd-audit-'));
  const scanDir = path.join(staging, path.basename(dir));
  cpSync(dir, scanDir, { recursive: true, filter: (src) => !src.split(path.sep).includes('node_modules') });
  for (const file of jsFiles) renameSync(path.join(scanDir, file), path.join(scanDir, `${file}.ts`));
  const staged = new Set(jsFiles.map((f) => path.join(scanDir, `${f}.ts`)));
  return {
    scanDir,
    original: (file) => {
      if (!file.startsWith(scanDir + path.sep)) return file;
      const inside = staged.has(file) ? file.slice(0, -'.ts'.length) : file;
      return path.join(dir, path.relative(scanDir, inside));
    },
    cleanup: () => rmSync(staging, { recursive: true, force: true }),
  };
}

function relative(file: string): string {
  // Global checks report "N/A" instead of a file.
  if (!path.isAbsolute(file)) return file;
  return path.relative(root, file).split(path.sep).join('/');
}

const electronVersion = (require('electron/package.json') as { version: string }).version;
const inputs = values.input ?? ['out', 'electron'];
const run = loadElectronegativity();
const findings: Finding[] = [];
const parseFailures: string[] = [];
const scanned: string[] = [];

for (const input of inputs) {
  const dir = path.resolve(root, input);
  if (!existsSync(dir)) {
    if (input === 'out' && !values.input && !values['require-build']) {
      console.warn('audit:electron: out/ does not exist (run the build first); scanning sources only.');
      continue;
    }
    console.error(`audit:electron: input ${input} does not exist`);
    process.exit(2);
  }
  scanned.push(relative(dir) || '.');
  // Quiet the tool's own console chatter about the skipped downloads.
  const log = console.log;
  console.log = () => {};
  const stage = stageJavaScript(dir);
  const original = stage?.original ?? ((file: string) => file);
  let result: RawResult;
  try {
    result = await run({ input: stage?.scanDir ?? dir, electronVersionOverride: electronVersion, isRelative: false });
  } finally {
    console.log = log;
    stage?.cleanup();
  }
  for (const issue of result.issues) {
    findings.push(
      Finding.parse({
        id: issue.id,
        file: relative(original(issue.file)),
        line: issue.location?.line ?? null,
        sample: typeof issue.sample === 'string' ? issue.sample.trim().slice(0, 200) : '',
        description: String(issue.description ?? ''),
        severity: issue.severity.name,
        confidence: issue.confidence.name,
      }),
    );
  }
  for (const error of result.errors) {
    // A file the tool cannot parse is a file it did not check.
    if (!error.tolerable) parseFailures.push(`${relative(original(error.file))}: ${error.message}`);
  }
}

let allowList: AllowEntry[];
try {
  allowList = AllowList.parse(JSON.parse(readFileSync(values.allow, 'utf8')));
} catch (error) {
  console.error(`audit:electron: cannot read the allow-list ${values.allow}: ${(error as Error).message}`);
  process.exit(2);
}

const outcome = evaluateFindings(findings, allowList);
const where = (f: Finding): string => `${f.file}${f.line === null ? '' : `:${f.line}`}`;
console.log(`audit:electron: Electronegativity on ${scanned.join(', ')} (Electron ${electronVersion})`);
for (const f of outcome.notes) console.log(`  note   ${f.severity.padEnd(13)} ${f.id} ${where(f)}: ${f.description}`);
for (const { finding: f, entry } of outcome.allowed) console.log(`  allowed ${f.severity.padEnd(12)} ${f.id} ${where(f)}: ${entry.reason}`);
for (const f of outcome.failing) console.log(`  FAIL   ${f.severity.padEnd(13)} ${f.id} ${where(f)}: ${f.description}\n         ${f.sample}`);
for (const e of outcome.unused) console.log(`  unused allow-list entry: ${e.id} (${e.files.join(', ')})`);
for (const p of parseFailures) console.log(`  FAIL   could not parse ${p}`);
if (values.json) writeFileSync(values.json, JSON.stringify({ scanned, ...outcome, parseFailures }, null, 2));

const failed = outcome.failing.length + parseFailures.length;
console.log(
  failed === 0
    ? `audit:electron: passed (${outcome.allowed.length} allowed, ${outcome.notes.length} notes)`
    : `audit:electron: ${failed} problem(s) at ${'MEDIUM'} or above`,
);
process.exit(failed === 0 ? 0 : 1);
