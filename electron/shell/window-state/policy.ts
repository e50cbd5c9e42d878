// Remembered window size and position. A saved position may point at a monitor that is gone
// (docked laptop taken home, projector unplugged): clamp it onto a display that exists.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayArea {
  /** The display's work area (screen minus taskbar / menu bar / dock). */
  workArea: Rect;
  primary?: boolean;
}

export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export interface SizeLimits {
  defaultWidth: number;
  defaultHeight: number;
  minWidth: number;
  minHeight: number;
}

export const DEFAULT_SIZE_LIMITS: SizeLimits = { defaultWidth: 1100, defaultHeight: 760, minWidth: 720, minHeight: 520 };

/** How much of the window's top strip (title bar) must show on a display to keep its position. */
const MIN_VISIBLE_WIDTH = 100;
const MIN_VISIBLE_HEIGHT = 40;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function centred(area: Rect, width: number, height: number): Rect {
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);

/**
 * Bounds for a new window: the saved ones if their title bar is reachable on some display, moved
 * and shrunk so the whole window fits that display's work area; otherwise the default size,
 * centred on the primary display. Never returns a window smaller than the minimum unless the
 * display itself is smaller.
 */
export function clampToVisibleDisplay(
  saved: WindowState | null,
  displays: readonly DisplayArea[],
  limits: SizeLimits = DEFAULT_SIZE_LIMITS,
): WindowState {
  const primary = displays.find((d) => d.primary) ?? displays[0];
  if (!primary) {
    // No display information at all (should not happen): fall back to defaults at the origin.
    return { x: 0, y: 0, width: limits.defaultWidth, height: limits.defaultHeight, maximized: saved?.maximized ?? false };
  }
  const fit = (area: Rect, width: number, height: number): { width: number; height: number } => ({
    width: clamp(width, Math.min(limits.minWidth, area.width), area.width),
    height: clamp(height, Math.min(limits.minHeight, area.height), area.height),
  });

  if (saved) {
    const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, MIN_VISIBLE_HEIGHT) };
    let best: { area: Rect; score: number } | null = null;
    for (const display of displays) {
      const o = overlap(titleBar, display.workArea);
      if (o.width >= Math.min(MIN_VISIBLE_WIDTH, saved.width) && o.height >= Math.min(MIN_VISIBLE_HEIGHT, saved.height)) {
        const score = o.width * o.height;
        if (!best || score > best.score) best = { area: display.workArea, score };
      }
    }
    if (best) {
      const { area } = best;
      const size = fit(area, saved.width, saved.height);
      return {
        x: clamp(saved.x, area.x, area.x + area.width - size.width),
        y: clamp(saved.y, area.y, area.y + area.height - size.height),
        ...size,
        maximized: saved.maximized,
      };
    }
  }
  const size = fit(primary.workArea, saved?.width ?? limits.defaultWidth, saved?.height ?? limits.defaultHeight);
  return { ...centred(primary.workArea, size.width, size.height), maximized: saved?.maximized ?? false };
}

/** Read the saved state; a missing or damaged file means "no saved state", never an error. */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = WindowState.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Write atomically (temp file + rename) so a crash mid-write cannot leave a broken file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const valid = WindowState.parse(state);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(valid), 'utf8');
  await rename(temp, file);
}

/** The same, synchronously: for the window's 'close', after which the process may exit at once. */
export function saveWindowStateSync(file: string, state: WindowState): void {
  const valid = WindowState.parse(state);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(valid), 'utf8');
  renameSync(temp, file);
}
