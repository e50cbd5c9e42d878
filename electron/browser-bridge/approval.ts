// The agent's answer to "allow the browser extension?", remembered in the data folder. Turning on
// Browser integration (Settings or `rpd browser-integration install`) counts as allowing it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const APPROVAL_FILE = 'browser-integration.json';
const Approval = z.object({ allowed: z.boolean(), at: z.number() });

export interface ApprovalStore {
  /** null: never asked. */
  get(): boolean | null;
  set(allowed: boolean): void;
}

export function approvalStore(dataDir: string): ApprovalStore {
  const file = join(dataDir, APPROVAL_FILE);
  return {
    get() {
      try {
        const parsed = Approval.safeParse(JSON.parse(readFileSync(file, 'utf8')));
        return parsed.success ? parsed.data.allowed : null;
      } catch {
        return null;
      }
    },
    set(allowed) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(file, JSON.stringify({ allowed, at: Date.now() }), { mode: 0o600 });
    },
  };
}
