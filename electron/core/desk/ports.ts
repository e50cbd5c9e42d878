// What only a desktop shell can do, passed in by electron/main.ts (electron/shell/desktop/).

export interface ClipboardPort {
  write(text: string, sensitive: boolean): Promise<void>;
}

/**
 * Each is null where there is none (browser preview, CLI): the renderer then does the job
 * itself (download, page clipboard, overlay, Notification API).
 */
export interface PlatformPorts {
  /** Asks where to save (the file type follows the name's extension) and writes the data there; null when the agent cancels. */
  saveFile: ((suggestedName: string, data: Uint8Array | string) => Promise<string | null>) | null;
  copyImage: ((png: Uint8Array) => Promise<void>) | null;
  present: ((verificationId: string) => Promise<void>) | null;
  notify: ((title: string, body: string) => Promise<void>) | null;
}
