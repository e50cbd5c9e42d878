import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHistory } from '../electron/core/history/store.ts';
import { tempDir } from './history-fixtures.ts';

const WRITER = fileURLToPath(new URL('./fixtures/history-writer.ts', import.meta.url));

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

/** Runs the writer until it has reported `atLeast` commits, then kills it with SIGKILL mid-write. */
function writeThenKill(file: string, key: Buffer, prefix: string, atLeast: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file, key.toString('hex'), prefix], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.split('\n').length > atLeast) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended without being killed: ${err}`));
      // Only complete lines were committed and reported; a cut last line is ignored.
      resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('crash safety', () => {
  it('keeps every reported order and a sound file after SIGKILL in the middle of writing', async () => {
    const file = join(dir, 'history.sqlite');
    const key = randomBytes(32);
    const reported: string[] = [];
    for (const [round, atLeast] of [[1, 150], [2, 333], [3, 97]] as const) {
      const ids = await writeThenKill(file, key, `crash${round}`, atLeast);
      expect(ids.length).toBeGreaterThanOrEqual(atLeast);
      reported.push(...ids);

      const raw = new DatabaseSync(file);
      expect(raw.prepare('PRAGMA integrity_check').all().map((r) => r['integrity_check'])).toEqual(['ok']);
      raw.exec("INSERT INTO orders_fts (orders_fts, rank) VALUES ('integrity-check', 0)"); // throws if the index is damaged
      raw.close();

      const store = openHistory({ file, dataKey: key });
      for (const id of reported) expect(store.get(id), id).not.toBeNull();
      expect(store.count()).toBeGreaterThanOrEqual(reported.length);
      const newest = ids[ids.length - 1]!;
      expect(store.search({ text: newest.replace('_', ' ') }).rows.map((r) => r.verificationId)).toContain(newest);
      store.close();
    }
  });
});
