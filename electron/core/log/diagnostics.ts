// The text behind "Copy diagnostics": what support needs to help an agent, never a secret.
import type { ProfileKind } from '../../../shared/domain.ts';
import { redactor as defaultRedactor, type Redactor } from './redact.ts';

export interface DiagnosticsError {
  /** ms since epoch */
  at: number;
  code: string;
  message: string;
}

export interface DiagnosticsInput {
  appVersion: string;
  versions: { electron?: string; chrome?: string; node?: string };
  os: { platform: string; arch: string; release: string };
  profileKind: ProfileKind;
  packaged: boolean;
  /** Whether a real OS keychain protects stored secrets (false on Linux basic_text). */
  keychain?: 'os' | 'weak' | 'unavailable';
  updateStatus?: string;
  logFile?: string;
  lastErrors: readonly DiagnosticsError[];
  /** When the text was made, ms since epoch (passed in so the output is reproducible). */
  now: number;
}

export const MAX_DIAGNOSTIC_ERRORS = 10;

export function buildDiagnostics(input: DiagnosticsInput, redactor: Redactor = defaultRedactor): string {
  const line = (label: string, value: string | undefined): string => `${label}: ${value ?? 'unknown'}`;
  const recent = [...input.lastErrors].sort((a, b) => b.at - a.at).slice(0, MAX_DIAGNOSTIC_ERRORS);
  const lines = [
    'RPD Desk diagnostics',
    line('Generated', new Date(input.now).toISOString()),
    line('App version', input.appVersion),
    line('Electron', input.versions.electron),
    line('Chromium', input.versions.chrome),
    line('Node', input.versions.node),
    line('OS', `${input.os.platform} ${input.os.release} (${input.os.arch})`),
    line('Profile', input.profileKind),
    line('Packaged', input.packaged ? 'yes' : 'no'),
    line('Keychain', input.keychain),
    line('Updates', input.updateStatus),
    line('Log file', input.logFile),
    `Recent errors (${recent.length}):`,
    ...(recent.length === 0
      ? ['  none']
      : recent.map((e) => `  ${new Date(e.at).toISOString()} [${e.code}] ${e.message.replace(/\s+/g, ' ').slice(0, 300)}`)),
  ];
  // Everything passes the redactor: error messages may quote server answers or headers.
  return redactor.redactString(lines.join('\n'));
}

/** The last few errors of this run, kept for diagnostics; redacted as they are recorded. */
export class RecentErrors {
  readonly #items: DiagnosticsError[] = [];
  readonly #limit: number;
  readonly #redactor: Redactor;

  constructor(limit = MAX_DIAGNOSTIC_ERRORS, redactor: Redactor = defaultRedactor) {
    this.#limit = limit;
    this.#redactor = redactor;
  }

  record(code: string, message: string, at: number): void {
    this.#items.push({ at, code, message: this.#redactor.redactString(message) });
    if (this.#items.length > this.#limit) this.#items.shift();
  }

  list(): DiagnosticsError[] {
    return [...this.#items];
  }
}
