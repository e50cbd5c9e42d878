// client_vs_sdk: create + status round trips against the local simulator, interleaved in one
// run: this app's client, a bare undici Pool (the floor), the official SDK with analytics off and
// on, and this client signing every request. Load time, memory and listeners come from fresh
// child processes, one per variant, so that each is measured alone.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startSimProcess } from './sim-process.ts';
import { CLIENT_ID, CLIENT_SECRET, makeVariant, sdkTimeouts, VARIANTS, type Variant, type VariantName } from './client-variants.ts';
import { median, percentile, progress, ratio, round } from './stats.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..');

export interface VariantFigures {
  p50_ms: number;
  p95_ms: number;
  pairs: number;
  errors: number;
  /** Import in a fresh process, median wall time; ours as the app ships it (bundled, dependencies external). */
  load_ms: number | null;
  /** The same import counted in CPU time: steadier when the machine is busy. */
  load_cpu_ms: number | null;
  /** Client-side CPU per create + status pair (the simulator runs in another process). */
  cpu_per_pair_ms: number;
  peak_rss_mb: number | null;
  after_1000_calls: ChildFigures | null;
}

/** What bench/client-child.ts prints. */
export interface ChildFigures {
  calls: number;
  errors: number;
  sdk_timeouts: number;
  rss_mb: number;
  heap_used_mb: number;
  peak_rss_mb: number;
  process_listeners_before: number;
  process_listeners: number;
}

export interface ClientVsSdk {
  p50_ratio: number;
  load_ratio: number;
  floor_ratio: number;
  signed_cost_ratio: number;
  /** SDK (analytics off) CPU per pair / ours. */
  cpu_ratio: number;
  load_cpu_ratio: number;
  /** Our client loaded from its TypeScript sources (Node strips the types first), as in tests and the CLI. */
  ours_source_load_ms: number | null;
  targets: { floor_ratio_max: number; p50_ratio_min: number; load_ratio_min: number };
  ours: VariantFigures;
  sdk: VariantFigures;
  sdk_analytics: VariantFigures;
  floor: VariantFigures;
  signed: VariantFigures;
  notes: string[];
}

/**
 * Our client as electron-vite ships it in the app: one bundled file, dependencies (undici, zod)
 * left to node_modules. Bundled into a temporary file with rolldown, which vite uses.
 */
async function bundleOurs(): Promise<string> {
  const { build } = await import('rolldown');
  const file = join(ROOT, 'bench-output', `client-bundle-${process.pid}.mjs`);
  await build({
    input: join(ROOT, 'electron/core/cashfree/client.ts'),
    platform: 'node',
    external: [/^node:/, 'undici', 'zod'],
    logLevel: 'silent',
    output: { file, format: 'esm' },
  });
  return file;
}

function runNode(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: ROOT, timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${args.join(' ')}: ${err.message} ${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Import time of each module in a fresh process, median of `runs`, interleaved across modules. */
async function loadTimes(specs: Record<string, string>, runs: number): Promise<Record<string, { wall: number; cpu: number }>> {
  const samples: Record<string, { wall: number[]; cpu: number[] }> = {};
  for (let r = 0; r < runs; r++) {
    for (const [name, spec] of Object.entries(specs)) {
      const script =
        `const c=process.cpuUsage();const t=performance.now();await import(${JSON.stringify(spec)});` +
        `const w=performance.now()-t;const d=process.cpuUsage(c);process.stdout.write(JSON.stringify({w,c:(d.user+d.system)/1000}));process.exit(0)`;
      const out = JSON.parse(await runNode(['--input-type=module', '-e', script], 60_000)) as { w: number; c: number };
      const entry = (samples[name] ??= { wall: [], cpu: [] });
      entry.wall.push(out.w);
      entry.cpu.push(out.c);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { wall: round(median(v.wall), 1), cpu: round(median(v.cpu), 1) }]));
}

export async function benchClientVsSdk(opts: { pairs: number; memoryPairs: number; loadRuns: number }): Promise<ClientVsSdk> {
  const notes: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'rpd-bench-client-'));
  // A missing --public-key file: the simulator makes a key pair and writes the public key there.
  const keyFile = join(dir, 'public.pem');
  const credentials = ['--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET];
  const plain = await startSimProcess([...credentials, '--seed', '7']);
  const signedSim = await startSimProcess([...credentials, '--seed', '8', '--public-key', keyFile]).catch(async (err: unknown) => {
    await plain.stop();
    throw err;
  });
  const publicKeyPem = await readFile(keyFile, 'utf8');
  const targetOf = (name: VariantName): { baseUrl: string; publicKeyPem?: string } =>
    name === 'signed' ? { baseUrl: signedSim.baseUrl, publicKeyPem } : { baseUrl: plain.baseUrl };
  try {
    const variants = new Map<VariantName, Variant>();
    for (const name of VARIANTS) variants.set(name, await makeVariant(name, targetOf(name)));
    const times = new Map<VariantName, number[]>(VARIANTS.map((n) => [n, []]));
    const cpu = new Map<VariantName, number>(VARIANTS.map((n) => [n, 0]));
    const errors = new Map<VariantName, number>(VARIANTS.map((n) => [n, 0]));
    const run = Date.now().toString(36);
    const warmup = Math.min(50, Math.ceil(opts.pairs / 5));
    progress(`client_vs_sdk: ${warmup} warm-up + ${opts.pairs} pairs per variant, interleaved`);
    for (let i = -warmup; i < opts.pairs; i++) {
      // Rotate the order so no variant always follows the same neighbour.
      const order = VARIANTS.map((_, k) => VARIANTS[(k + Math.abs(i)) % VARIANTS.length]!);
      for (const name of order) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        try {
          await variants.get(name)!.pair(`${name}_${run}_${i + warmup}`);
          const c = process.cpuUsage(c0);
          if (i >= 0) cpu.set(name, cpu.get(name)! + (c.user + c.system) / 1000);
        } catch (err) {
          if (i >= 0) errors.set(name, errors.get(name)! + 1);
          if (errors.get(name) === 1) notes.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
          continue;
        }
        if (i >= 0) times.get(name)!.push(performance.now() - t0);
      }
    }
    for (const v of variants.values()) await v.close();
    if (sdkTimeouts > 0) notes.push(`${sdkTimeouts} SDK calls were cut off after 10 s`);

    progress(`client_vs_sdk: module load times (${opts.loadRuns} fresh processes each)`);
    const bundled = await bundleOurs();
    const loads = await loadTimes(
      {
        ours: pathToFileURL(bundled).href,
        ours_source: pathToFileURL(join(ROOT, 'electron/core/cashfree/client.ts')).href,
        floor: 'undici',
        sdk: 'cashfree-verification',
      },
      opts.loadRuns,
    );
    await rm(bundled, { force: true });

    progress(`client_vs_sdk: memory and listeners after ${opts.memoryPairs * 2} calls, one child process per variant`);
    const memory = new Map<VariantName, ChildFigures | null>();
    for (const name of VARIANTS) {
      const args = ['--expose-gc', join(HERE, 'client-child.ts'), name, targetOf(name).baseUrl, String(opts.memoryPairs)];
      if (name === 'signed') args.push(keyFile);
      try {
        const out = await runNode(args, 180_000);
        memory.set(name, JSON.parse(out.trim().split('\n').at(-1)!) as ChildFigures);
      } catch (err) {
        notes.push(`${name} memory run failed: ${err instanceof Error ? err.message.slice(0, 300) : String(err)}`);
        memory.set(name, null);
      }
    }

    const figures = (name: VariantName): VariantFigures => {
      const t = times.get(name)!;
      const mem = memory.get(name) ?? null;
      const loadKey = name === 'signed' ? 'ours' : name === 'sdk_analytics' ? 'sdk' : name;
      return {
        p50_ms: round(percentile(t, 50)),
        p95_ms: round(percentile(t, 95)),
        pairs: t.length,
        errors: errors.get(name)!,
        load_ms: loads[loadKey]?.wall ?? null,
        load_cpu_ms: loads[loadKey]?.cpu ?? null,
        cpu_per_pair_ms: round(cpu.get(name)! / Math.max(1, t.length)),
        peak_rss_mb: mem ? mem.peak_rss_mb : null,
        after_1000_calls: mem,
      };
    };
    const ours = figures('ours');
    const sdk = figures('sdk');
    const floor = figures('floor');
    const signed = figures('signed');
    return {
      p50_ratio: ratio(sdk.p50_ms, ours.p50_ms),
      load_ratio: ratio(sdk.load_ms ?? Number.NaN, ours.load_ms ?? Number.NaN),
      floor_ratio: ratio(ours.p50_ms, floor.p50_ms),
      signed_cost_ratio: ratio(signed.p50_ms, ours.p50_ms),
      cpu_ratio: ratio(sdk.cpu_per_pair_ms, ours.cpu_per_pair_ms),
      load_cpu_ratio: ratio(sdk.load_cpu_ms ?? Number.NaN, ours.load_cpu_ms ?? Number.NaN),
      ours_source_load_ms: loads.ours_source?.wall ?? null,
      targets: { floor_ratio_max: 1.15, p50_ratio_min: 1.5, load_ratio_min: 1.5 },
      ours,
      sdk,
      sdk_analytics: figures('sdk_analytics'),
      floor,
      signed,
      notes,
    };
  } finally {
    await plain.stop();
    await signedSim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
