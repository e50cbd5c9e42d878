import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS, contract, eventContract } from '../shared/contract.ts';

describe('contract', () => {
  it('lists each channel once, named domain.verb, with schemas for both directions', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    for (const name of CHANNELS) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
    expect(Object.keys(eventContract).sort()).toEqual([...EVENTS].sort());
  });
});
