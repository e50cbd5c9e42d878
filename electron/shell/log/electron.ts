// electron-log to <userData>/logs/main.log, rotated, every message redacted first
// (file-log.ts beside this file does the set-up; the same code runs in plain Node for the CLI and tests).
import os from 'node:os';
import path from 'node:path';
import log from 'electron-log/main';
import { app, shell } from 'electron';
import { buildDiagnostics, type DiagnosticsInput } from '../../core/log/diagnostics.ts';
import { configureFileLogging, type FileLogOptions } from './file-log.ts';

export interface LoggingSetup {
  logger: typeof log;
  file: string;
  dir: string;
}

/**
 * Call early in main (after app name/userData are final, before anything logs). Does not call
 * log.initialize(): that would inject electron-log's own preload into every session; renderer
 * errors reach the log through the contract instead.
 */
export function setupLogging(options: Partial<Omit<FileLogOptions, 'dir'>> & { dir?: string } = {}): LoggingSetup {
  const dir = options.dir ?? path.join(app.getPath('userData'), 'logs');
  const file = configureFileLogging(log, { ...options, dir });
  log.transports.console.level = app.isPackaged ? 'warn' : 'debug';
  log.transports.file.level = 'info';
  log.errorHandler.startCatching({ showDialog: false });
  return { logger: log, file, dir };
}

/** "Open logs folder": resolves to '' on success or the OS error text. */
export function openLogsFolder(dir: string): Promise<string> {
  return shell.openPath(dir);
}

/** "Copy diagnostics": fills in what Electron and the OS know; the caller adds the app's state. */
export function diagnosticsText(
  state: Pick<DiagnosticsInput, 'profileKind' | 'lastErrors' | 'keychain' | 'updateStatus' | 'logFile'>,
): string {
  return buildDiagnostics({
    ...state,
    appVersion: app.getVersion(),
    versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    os: { platform: process.platform, arch: process.arch, release: os.release() },
    packaged: app.isPackaged,
    now: Date.now(),
  });
}
