// Writes text to the clipboard and, for personal data, clears it again after a while if it is
// still what we wrote (the agent may have copied something else meanwhile: leave that alone).

export interface ClipboardGuardOptions {
  read: () => Promise<string> | string;
  write: (text: string) => Promise<void> | void;
  /** Seconds before sensitive text is cleared; 0 keeps it. Read at each write, so a changed preference applies. */
  clearAfterSeconds: () => number;
}

export class ClipboardGuard {
  readonly #o: ClipboardGuardOptions;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: ClipboardGuardOptions) {
    this.#o = options;
  }

  async write(text: string, sensitive: boolean): Promise<void> {
    this.#cancel();
    await this.#o.write(text);
    const seconds = this.#o.clearAfterSeconds();
    if (!sensitive || seconds <= 0) return;
    const timer = setTimeout(() => {
      if (this.#timer === timer) this.#timer = null;
      void this.#clearIfStill(text);
    }, seconds * 1000);
    (timer as { unref?: () => void }).unref?.();
    this.#timer = timer;
  }

  /** True while a clear is pending. */
  get pending(): boolean {
    return this.#timer !== null;
  }

  close(): void {
    this.#cancel();
  }

  #cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #clearIfStill(text: string): Promise<void> {
    try {
      if ((await this.#o.read()) === text) await this.#o.write('');
    } catch {
      // The clipboard may be held by another program; the next copy replaces the text anyway.
    }
  }
}
