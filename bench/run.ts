// `npm run bench [-- [--json] [--quick] [section ...]]`: the benchmarks, in one run on this machine.
// Sections: client_vs_sdk (alias client), prewarm, detection, history, retention, renderer, team. With --json
// stdout carries exactly one JSON object (progress goes to stderr). Results are also written to
// bench-output/latest.json. Figures are medians and ratios measured in the same run: the machine
// may be shared, so absolute times say less than ratios.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchClientVsSdk } from './client.ts';
import { benchDetection } from './detection.ts';
import { benchHistory } from './history.ts';
import { benchPrewarm } from './prewarm.ts';
import { benchRenderer } from './renderer.ts';
import { benchTeam } from './team.ts';
import { benchRetention } from './retention.ts';
import { progress } from './stats.ts';

const SECTIONS = ['client_vs_sdk', 'prewarm', 'detection', 'history', 'retention', 'renderer', 'team'] as const;
type Section = (typeof SECTIONS)[number];
const ALIASES: Record<string, Section> = { client: 'client_vs_sdk', sdk: 'client_vs_sdk', ui: 'renderer' };
const USAGE = `usage: npm run bench -- [--json] [--quick] [${SECTIONS.join('|')} ...]`;

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const chosen: Section[] = [];
for (const arg of args) {
  if (arg === '--json' || arg === '--quick') continue;
  if (arg === '--help' || arg === '-h') {
    console.log(USAGE);
    process.exit(0);
  }
  const section = (SECTIONS as readonly string[]).includes(arg) ? (arg as Section) : ALIASES[arg];
  if (!section) {
    console.error(`Unknown section or option "${arg}".\n${USAGE}`);
    process.exit(2);
  }
  if (!chosen.includes(section)) chosen.push(section);
}
const sections = chosen.length > 0 ? chosen : [...SECTIONS];

const results: Record<string, unknown> = {};
const started = Date.now();
for (const section of sections) {
  const t0 = Date.now();
  try {
    switch (section) {
      case 'client_vs_sdk':
        results.client_vs_sdk = await benchClientVsSdk(quick ? { pairs: 120, memoryPairs: 500, loadRuns: 3 } : { pairs: 400, memoryPairs: 500, loadRuns: 7 });
        break;
      case 'prewarm':
        results.prewarm = await benchPrewarm({ runs: quick ? 5 : 11, rttMs: 80 });
        break;
      case 'detection':
        results.detection = await benchDetection(quick ? { orders: 12, concurrent: 3 } : { orders: 40, concurrent: 3 });
        break;
      case 'history':
        progress(`history: ${quick ? '2,000 and 10,000' : '10,000 and 100,000'} rows (bench/history.ts)`);
        results.history = await benchHistory(quick ? [2_000, 10_000] : [10_000, 100_000]);
        break;
      case 'retention':
        results.retention = await benchRetention(quick ? { rows: 20_000, runs: 3 } : { rows: 100_000, runs: 5 });
        break;
      case 'renderer':
        results.renderer = await benchRenderer({ runs: quick ? 3 : 7, rttMs: 80 });
        break;
      case 'team':
        results.team = await benchTeam({ desks: [1, 10, 50], minutes: quick ? 10 : 30, limitPerMinute: 100, seed: 17 });
        break;
    }
  } catch (err) {
    results[section] = { error: err instanceof Error ? err.message : String(err) };
  }
  progress(`${section} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
results.machine = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  load_avg: loadavg().map((n) => Math.round(n * 100) / 100),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  quick,
  sections,
  took_s: Math.round((Date.now() - started) / 100) / 10,
  date: new Date().toISOString(),
};

const outDir = join(fileURLToPath(new URL('..', import.meta.url)), 'bench-output');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');

if (json) {
  process.stdout.write(JSON.stringify(results) + '\n');
} else {
  printTable(results);
}
// Child processes and keep-alive pools are closed; the SDK's analytics may leave handles behind.
process.exit(0);

/** Flattens nested objects to dotted keys with printable values. */
function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out[prefix] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function printRows(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}

/**
 * One block per section: its own figures as name / value, then its sub-objects (the clients
 * compared, the history sizes) side by side as columns.
 */
function printTable(tree: Record<string, unknown>): void {
  for (const [section, body] of Object.entries(tree)) {
    console.log(`\n${section}`);
    if (body === null || typeof body !== 'object') {
      console.log(`  ${String(body)}`);
      continue;
    }
    const entries = Object.entries(body);
    const columns = entries.filter(([, v]) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 3);
    const scalars = flatten(Object.fromEntries(entries.filter((e) => !columns.includes(e))));
    if (Object.keys(scalars).length > 0) printRows(Object.entries(scalars).map(([k, v]) => [`  ${k}`, v]));
    if (columns.length > 0) {
      const flat = columns.map(([name, v]) => [name, flatten(v)] as const);
      const keys = [...new Set(flat.flatMap(([, f]) => Object.keys(f)))];
      printRows([['  figure', ...flat.map(([name]) => name)], ...keys.map((k) => [`  ${k}`, ...flat.map(([, f]) => f[k] ?? '')])]);
    }
  }
}
