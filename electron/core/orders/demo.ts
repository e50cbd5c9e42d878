// The Demo profile's controls: the embedded simulator pays, fails or expires an order, or plays
// a fault plan, as a customer or a broken network would.
import type { Simulator } from '../../simulator/server.ts';
import { coreError } from '../error.ts';

export interface DemoControl {
  pay(verificationId: string, nameAtBank?: string): Promise<void>;
  fail(verificationId: string): Promise<void>;
  expire(verificationId: string): Promise<void>;
  /** The simulator's fault plan; null clears it. Refuses a plan that is not valid (invalid_input). */
  faults(plan: Record<string, unknown> | null): Promise<void>;
}

export function demoControl(simulator: () => Promise<Simulator>): DemoControl {
  return {
    pay: async (id, nameAtBank) => void (await simulator()).pay(id, nameAtBank ? { name_at_bank: nameAtBank } : undefined),
    fail: async (id) => void (await simulator()).fail(id),
    expire: async (id) => void (await simulator()).expire(id),
    faults: async (plan) => {
      const sim = await simulator();
      if (plan === null) return sim.clearFaults();
      try {
        sim.setFaults(plan);
      } catch (err) {
        throw coreError('invalid_input', `The simulator refused that fault plan: ${err instanceof Error ? err.message.split('\n')[0] : 'not valid'}`);
      }
    },
  };
}
