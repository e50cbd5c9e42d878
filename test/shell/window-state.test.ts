import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE_LIMITS,
  clampToVisibleDisplay,
  loadWindowState,
  saveWindowState,
  saveWindowStateSync,
  type DisplayArea,
  type Rect,
} from '../../electron/shell/window-state/policy.ts';

const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1366, height: 728 }, primary: true };
const monitorRight: DisplayArea = { workArea: { x: 1366, y: -200, width: 2560, height: 1400 } };

const inside = (r: Rect, area: Rect): boolean =>
  r.x >= area.x && r.y >= area.y && r.x + r.width <= area.x + area.width && r.y + r.height <= area.y + area.height;

describe('clampToVisibleDisplay', () => {
  it('keeps a saved position that is fully visible', () => {
    const saved = { x: 1500, y: 0, width: 1200, height: 800, maximized: false };
    expect(clampToVisibleDisplay(saved, [laptop, monitorRight])).toEqual(saved);
  });

  it('centres the default size on the primary display when nothing is saved', () => {
    expect(clampToVisibleDisplay(null, [monitorRight, laptop])).toEqual({ x: 133, y: 0, width: 1100, height: 728, maximized: false });
  });

  it('moves a window from an unplugged monitor back to the primary display', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: true };
    const r = clampToVisibleDisplay(saved, [laptop]);
    expect(inside(r, laptop.workArea)).toBe(true);
    expect(r).toMatchObject({ width: 1200, height: 728, maximized: true });
  });

  it('pulls a half-off-screen window fully onto the display that shows its title bar', () => {
    const r = clampToVisibleDisplay({ x: 1000, y: 300, width: 900, height: 600, maximized: false }, [laptop]);
    expect(r).toEqual({ x: 466, y: 128, width: 900, height: 600, maximized: false });
  });

  it('treats a title bar above the top edge as unreachable', () => {
    const r = clampToVisibleDisplay({ x: 100, y: -700, width: 900, height: 600, maximized: false }, [laptop]);
    expect(r).toEqual({ x: 233, y: 64, width: 900, height: 600, maximized: false });
  });

  it('always lands inside some display and never below the minimum size the display allows', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 4000 }),
    });
    fc.assert(
      fc.property(fc.option(rect, { nil: null }), fc.array(rect.filter((r) => r.width >= 300 && r.height >= 200), { minLength: 1, maxLength: 3 }), (saved, areas) => {
        const displays = areas.map((workArea, i) => ({ workArea, primary: i === 0 }));
        const r = clampToVisibleDisplay(saved && { ...saved, maximized: false }, displays);
        const host = displays.find((d) => inside(r, d.workArea));
        expect(host).toBeDefined();
        expect(r.width).toBeGreaterThanOrEqual(Math.min(DEFAULT_SIZE_LIMITS.minWidth, host!.workArea.width));
        expect(r.height).toBeGreaterThanOrEqual(Math.min(DEFAULT_SIZE_LIMITS.minHeight, host!.workArea.height));
      }),
    );
  });
});

describe('window state file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rpd-winstate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saves and loads, and treats missing or damaged files as nothing saved', async () => {
    const file = path.join(dir, 'sub', 'window-state.json');
    expect(await loadWindowState(file)).toBeNull();
    await saveWindowState(file, { x: 10, y: 20, width: 900, height: 700, maximized: true });
    expect(await loadWindowState(file)).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true });
    await writeFile(file, '{"x":1,"y":2,"width":-5,"height":3}');
    expect(await loadWindowState(file)).toBeNull();
    await writeFile(file, 'not json');
    expect(await loadWindowState(file)).toBeNull();
    saveWindowStateSync(file, { x: -1200, y: 0, width: 800, height: 600, maximized: false });
    expect(await loadWindowState(file)).toEqual({ x: -1200, y: 0, width: 800, height: 600, maximized: false });
    expect(() => saveWindowStateSync(file, { x: 0.5, y: 0, width: 800, height: 600, maximized: false })).toThrow();
  });
});
