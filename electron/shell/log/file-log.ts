// File logging set-up shared by the app (electron-log/main) and plain Node (electron-log/node,
// used by the CLI and by tests): same folder layout, rotation and redaction hook.
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LogMessage, NodeLogger } from 'electron-log';
import { PRIVATE_FILE_MODE, ensurePrivateDir, restrictFile } from '../../core/private-files.ts';
import { redactor as defaultRedactor, type Redactor } from '../../core/log/redact.ts';

export interface FileLogOptions {
  /** Folder for the log files (the app passes <userData>/logs). */
  dir: string;
  fileName?: string;
  /** Rotate when the current file grows beyond this many bytes. */
  maxSizeBytes?: number;
  /** How many rotated files to keep next to the current one. */
  keep?: number;
  redactor?: Redactor;
}

export const DEFAULT_MAX_LOG_BYTES = 2 * 1024 * 1024;
export const DEFAULT_KEPT_LOGS = 4;

/** main.log -> main.1.log -> ... -> main.<keep>.log, the oldest dropped. */
export function rotateLogFiles(currentPath: string, keep: number): void {
  const { dir, name, ext } = path.parse(currentPath);
  const numbered = (n: number): string => path.join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(numbered(n), numbered(n + 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  if (keep >= 1) renameSync(currentPath, numbered(1));
  else rmSync(currentPath, { force: true });
}

/** The hook electron-log runs on every message before any transport sees it. */
export function redactionHook(redactor: Redactor = defaultRedactor): (message: LogMessage) => LogMessage {
  return (message) => ({ ...message, data: message.data.map((item: unknown) => redactor.redact(item)) });
}

/** Point a logger's file transport at `dir`, rotate, and redact every message. Returns the log file path. */
export function configureFileLogging(logger: NodeLogger, options: FileLogOptions): string {
  const fileName = options.fileName ?? 'main.log';
  const keep = options.keep ?? DEFAULT_KEPT_LOGS;
  const filePath = path.join(ensurePrivateDir(options.dir), fileName);
  restrictFile(filePath);
  const file = logger.transports.file;
  // Log files are created owner-only (electron-log's default is 0666 minus the umask).
  file.writeOptions = { flag: 'a', mode: PRIVATE_FILE_MODE, encoding: 'utf8' };
  file.fileName = fileName;
  file.resolvePathFn = () => filePath;
  file.maxSize = options.maxSizeBytes ?? DEFAULT_MAX_LOG_BYTES;
  file.archiveLogFn = (oldFile) => rotateLogFiles(oldFile.path, keep);
  const hook = redactionHook(options.redactor);
  logger.hooks.push(hook);
  return filePath;
}
