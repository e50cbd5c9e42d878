// Runs the history benchmark: `node bench/history-cli.ts [--json] [--sizes=10000,100000]`.
import { benchHistory, TARGETS, type HistoryBenchResult } from './history.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesArg = args.find((a) => a.startsWith('--sizes='));
const sizes = sizesArg
  ? sizesArg
      .slice('--sizes='.length)
      .split(',')
      .map((s) => Number(s))
      .filter((n) => Number.isInteger(n) && n > 0)
  : [10_000, 100_000];

const results = await benchHistory(sizes);

if (json) {
  process.stdout.write(JSON.stringify({ history: results }) + '\n');
} else {
  const keys = Object.keys(Object.values(results)[0] ?? {}) as (keyof HistoryBenchResult)[];
  const cols = Object.keys(results);
  const target = (k: string): string => (k in TARGETS ? `< ${TARGETS[k as keyof typeof TARGETS]}` : '');
  const verdict = (k: keyof HistoryBenchResult): string => {
    if (!(k in TARGETS)) return '';
    const limit = TARGETS[k as keyof typeof TARGETS];
    return cols.every((c) => results[c]![k] < limit) ? 'ok' : 'MISSED';
  };
  const lines = [['metric', ...cols.map((c) => `${c} rows`), 'target', ''], ...keys.map((k) => [k, ...cols.map((c) => String(results[c]![k])), target(k), verdict(k)])];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const line of lines) console.log(line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}
