// Removes secrets and personal data from anything before it reaches a log file or diagnostics.
// Pure: no I/O. electron/shell/log/electron.ts runs it as an electron-log hook on every message.

export const REDACTED = '[REDACTED]';

/** Object keys whose values are never logged, whatever they look like. */
const SECRET_KEY = /secret|password|passphrase|authorization|signature|private.?key|api.?key|token|cookie|pem/i;
/** Object keys holding personal data from the bank (DESIGN.md section 5). */
const PERSONAL_KEY = /^(name_?at_?bank|nameAtBank)$/i;

const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g;
/** Cashfree secret keys look like cfsk_ma_prod_...; the whole token goes. */
const CASHFREE_SECRET = /cfsk_[A-Za-z0-9_-]+/g;
/** `name: value`, `"name":"value"`, `name=value` for secret-bearing header and field names. */
const SECRET_FIELD =
  /((?:x-client-secret|x-cf-signature|client[_-]?secret|clientSecret|authorization)["']?\s*[:=]\s*["']?)((?:(?:Bearer|Basic|Token)\s+)?[^"'\s,;}&]+)/gi;
/** 9 to 18 digits standing alone: an Indian bank account number (or a UTR): keep the last 4. */
const ACCOUNT_NUMBER = /(?<![\w.-])\d{9,18}(?![\w-])/g;
/** UPI ids (handle@psp): no dot after the @, which tells them apart from e-mail addresses. */
const UPI_ID = /(?<![\w.-])([A-Za-z0-9][A-Za-z0-9._-]*)@([A-Za-z][A-Za-z0-9]+)(?![\w.@-])/g;

const MAX_DEPTH = 8;
const MIN_REGISTERED_SECRET_LENGTH = 4;

export function maskAccountNumber(digits: string): string {
  return 'X'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
}

export function maskUpiId(handle: string, psp: string): string {
  return `${handle.slice(0, 2)}***@${psp}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Redactor {
  readonly #secrets = new Set<string>();
  #secretPattern: RegExp | null = null;

  /** Secrets known only at run time (a client secret loaded from the vault) are masked verbatim. */
  registerSecret(secret: string): void {
    if (secret.length < MIN_REGISTERED_SECRET_LENGTH) return;
    this.#secrets.add(secret);
    this.#secretPattern = null;
  }

  forgetSecret(secret: string): void {
    if (this.#secrets.delete(secret)) this.#secretPattern = null;
  }

  #registeredPattern(): RegExp | null {
    if (this.#secrets.size === 0) return null;
    if (!this.#secretPattern) {
      // Longest first, so a secret that contains another one is masked whole.
      const sorted = [...this.#secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
      this.#secretPattern = new RegExp(sorted.join('|'), 'g');
    }
    return this.#secretPattern;
  }

  /** Secrets only (keys, PEM blocks, secret headers): for answers whose personal data is the point. */
  redactSecrets(text: string): string {
    let out = text.replace(PEM_BLOCK, '[REDACTED PEM]');
    const registered = this.#registeredPattern();
    if (registered) out = out.replace(registered, REDACTED);
    return out.replace(SECRET_FIELD, (_match, prefix: string) => `${prefix}${REDACTED}`).replace(CASHFREE_SECRET, `cfsk_${REDACTED}`);
  }

  /** Secrets and personal data (account numbers, UPI ids): for logs, diagnostics, error texts. */
  redactString(text: string): string {
    return this.redactSecrets(text)
      .replace(ACCOUNT_NUMBER, (digits) => maskAccountNumber(digits))
      .replace(UPI_ID, (_match, handle: string, psp: string) => maskUpiId(handle, psp));
  }

  /** A redacted deep copy: strings scrubbed, secret-named keys emptied, Errors rebuilt. */
  redact(value: unknown): unknown {
    return this.#walk(value, 0, new WeakSet());
  }

  #walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return this.redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[Circular]';
    if (depth >= MAX_DEPTH) return '[Too deep]';
    seen.add(value);
    if (value instanceof Error) return this.#redactError(value, depth, seen);
    if (value instanceof Date) return value;
    if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
    if (Array.isArray(value)) return value.map((item) => this.#walk(item, depth + 1, seen));
    if (value instanceof Map) {
      return this.#walkEntries([...value.entries()].map(([k, v]) => [String(k), v]), depth, seen);
    }
    if (typeof (value as { entries?: unknown }).entries === 'function' && typeof (value as { get?: unknown }).get === 'function') {
      // Headers (undici/fetch) and similar iterables of [name, value].
      const entries = [...(value as { entries(): Iterable<[string, unknown]> }).entries()];
      return this.#walkEntries(entries, depth, seen);
    }
    return this.#walkEntries(Object.entries(value), depth, seen);
  }

  #walkEntries(entries: [string, unknown][], depth: number, seen: WeakSet<object>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      if (SECRET_KEY.test(key)) out[key] = item === '' || item == null ? item : REDACTED;
      else if (PERSONAL_KEY.test(key)) out[key] = item === '' || item == null ? item : REDACTED;
      else out[key] = this.#walk(item, depth + 1, seen);
    }
    return out;
  }

  #redactError(error: Error, depth: number, seen: WeakSet<object>): Error {
    const copy = new Error(this.redactString(error.message));
    copy.name = error.name;
    copy.stack = error.stack === undefined ? undefined : this.redactString(error.stack);
    if (error.cause !== undefined) copy.cause = this.#walk(error.cause, depth + 1, seen);
    // Extra fields (code, details, ...) travel too, scrubbed.
    for (const [key, item] of Object.entries(error)) {
      (copy as unknown as Record<string, unknown>)[key] = SECRET_KEY.test(key) ? REDACTED : this.#walk(item, depth + 1, seen);
    }
    return copy;
  }
}

/** The process-wide redactor: the vault registers client secrets here as it loads them. */
export const redactor = new Redactor();
