// RPD_DATA_DIR moves the data folder only in unpackaged runs (tests, development): an installed
// app keeps its history and keys in userData whatever the environment says.
import { describe, expect, it } from 'vitest';
import { appDataDir } from '../../electron/core/paths.ts';

describe('the app\'s data folder', () => {
  const userData = '/home/agent/.config/RPD Desk';
  it('ignores RPD_DATA_DIR in the packaged app', () => {
    expect(appDataDir(true, userData, { RPD_DATA_DIR: '/tmp/attacker' })).toBe(userData);
  });
  it('honours it when not packaged, and falls back to userData when unset', () => {
    expect(appDataDir(false, userData, { RPD_DATA_DIR: '/tmp/test-data' })).toBe('/tmp/test-data');
    expect(appDataDir(false, userData, {})).toBe(userData);
  });
});
