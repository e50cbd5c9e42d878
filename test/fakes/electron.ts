// A small stand-in for the `electron` module so main-process code runs under vitest on plain Node
// (vitest.config.ts aliases 'electron' here). Only what the app uses, typed against Electron 45.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, Clipboard, IpcMain, IpcMainInvokeEvent, SafeStorage, Shell } from 'electron';

// ---------- app ----------

const userDataDir = (): string => process.env.RPD_TEST_USERDATA ?? join(tmpdir(), `rpd-desk-test-userdata-${process.pid}`);

export const app = {
  getPath(name: Parameters<App['getPath']>[0]): string {
    const dir = name === 'userData' ? userDataDir() : join(userDataDir(), `_${name}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  },
  getVersion: (): string => '0.0.0-test',
  getName: (): string => 'RPD Desk',
  isPackaged: false,
  isReady: (): boolean => true,
  whenReady: (): Promise<void> => Promise.resolve(),
  on(): void {},
  once(): void {},
} satisfies Partial<Record<keyof App, unknown>>;

// ---------- safeStorage ----------

export type StorageBackend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

const fakeSafeStorageState = {
  backend: 'gnome_libsecret' as StorageBackend,
  available: true,
  shouldReEncrypt: false,
};

/** Switch the Linux backend the fake reports (and encrypts with): 'gnome_libsecret', 'basic_text'... */
export function setSafeStorageBackend(backend: StorageBackend): void {
  fakeSafeStorageState.backend = backend;
}
export function setAsyncEncryptionAvailable(available: boolean): void {
  fakeSafeStorageState.available = available;
}
/** Make decryptStringAsync report a rotated key, as Electron does after an OS keychain change. */
export function setShouldReEncrypt(value: boolean): void {
  fakeSafeStorageState.shouldReEncrypt = value;
}
export function resetElectronFake(): void {
  fakeSafeStorageState.backend = 'gnome_libsecret';
  fakeSafeStorageState.available = true;
  fakeSafeStorageState.shouldReEncrypt = false;
  clipboardText = '';
  shownNotifications.length = 0;
  openedExternal.length = 0;
  ipcHandlers.clear();
}

// Reversible test cipher: a backend tag, a random nonce, then the text XORed with a stream derived
// from the backend and the nonce. Text encrypted under one backend does not decrypt under another
// (as after a keyring change), and the same text never encrypts twice to the same bytes.
const TAG_LENGTH = 8;
const NONCE_LENGTH = 8;
const tagFor = (backend: string): Buffer => Buffer.from(backend.padEnd(TAG_LENGTH, '_').slice(0, TAG_LENGTH), 'utf8');
function xorStream(data: Buffer, backend: string, nonce: Buffer): Buffer {
  const stream = createHash('sha256').update(`rpd-fake-safe-storage-${backend}`).update(nonce).digest();
  return Buffer.from(data.map((byte, i) => byte ^ (stream[i % stream.length] ?? 0)));
}

function requireAvailable(): void {
  if (!fakeSafeStorageState.available) throw new Error('Encryption is not available.');
}

export const safeStorage = {
  isAsyncEncryptionAvailable: async (): Promise<boolean> => fakeSafeStorageState.available,
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    requireAvailable();
    const { backend } = fakeSafeStorageState;
    const nonce = randomBytes(NONCE_LENGTH);
    return Buffer.concat([tagFor(backend), nonce, xorStream(Buffer.from(plainText, 'utf8'), backend, nonce)]);
  },
  async decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    requireAvailable();
    const { backend } = fakeSafeStorageState;
    if (!encrypted.subarray(0, TAG_LENGTH).equals(tagFor(backend))) {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
    const nonce = encrypted.subarray(TAG_LENGTH, TAG_LENGTH + NONCE_LENGTH);
    const result = xorStream(encrypted.subarray(TAG_LENGTH + NONCE_LENGTH), backend, nonce).toString('utf8');
    return { shouldReEncrypt: fakeSafeStorageState.shouldReEncrypt, result };
  },
  getSelectedStorageBackend: (): StorageBackend => fakeSafeStorageState.backend,
} satisfies Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

// ---------- ipcMain ----------

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type EventListener = (...args: unknown[]) => void;

/** Handlers registered with ipcMain.handle, by channel, for tests to call. */
export const ipcHandlers = new Map<string, InvokeListener>();
const ipcListeners = new Map<string, EventListener[]>();

export const ipcMain = {
  handle(channel: string, listener: InvokeListener): void {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcHandlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    ipcHandlers.delete(channel);
  },
  on(channel: string, listener: EventListener): void {
    ipcListeners.set(channel, [...(ipcListeners.get(channel) ?? []), listener]);
  },
  removeAllListeners(channel?: string): void {
    if (channel === undefined) ipcListeners.clear();
    else ipcListeners.delete(channel);
  },
} satisfies Partial<Record<keyof IpcMain, unknown>>;

// ---------- clipboard ----------

// Electron 45's clipboard reads and writes text asynchronously.
let clipboardText = '';
export const clipboard = {
  readText: async (): Promise<string> => clipboardText,
  async writeText(text: string): Promise<void> {
    clipboardText = text;
  },
  clear(): void {
    clipboardText = '';
  },
} satisfies Pick<Clipboard, 'readText' | 'writeText' | 'clear'>;

// ---------- Notification ----------

export interface ShownNotification {
  title: string;
  body: string;
}
export const shownNotifications: ShownNotification[] = [];

export class Notification {
  static isSupported(): boolean {
    return true;
  }
  readonly title: string;
  readonly body: string;
  constructor(options: { title?: string; body?: string } = {}) {
    this.title = options.title ?? '';
    this.body = options.body ?? '';
  }
  show(): void {
    shownNotifications.push({ title: this.title, body: this.body });
  }
  on(): this {
    return this;
  }
  close(): void {}
}

// ---------- shell ----------

export const openedExternal: string[] = [];
export const shell = {
  async openExternal(url: string): Promise<void> {
    openedExternal.push(url);
  },
  openPath: async (): Promise<string> => '',
} satisfies Pick<Shell, 'openExternal' | 'openPath'>;

// `import electron from 'electron'` (electron-store does this) gets the same objects.
export default { app, safeStorage, ipcMain, clipboard, Notification, shell };
