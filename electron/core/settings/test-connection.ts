// Test connection: one status call for an id no order has, read by toProbeOutcome.
import type { ProbeOutcome } from '../../../shared/contract.ts';
import type { ProfileKind } from '../../../shared/domain.ts';
import type { Connections } from '../connections.ts';
import { CoreError } from '../error.ts';
import { makeProbeVerificationId, toProbeOutcome } from './probe.ts';

export async function testConnection(connections: Connections, profile: ProfileKind): Promise<ProbeOutcome> {
  let probe;
  try {
    probe = await connections.probeClient(profile);
  } catch (err) {
    if (err instanceof CoreError) return toProbeOutcome(profile, err, false);
    throw err;
  }
  try {
    await probe.client.status({ verificationId: makeProbeVerificationId() });
    return toProbeOutcome(profile, null, probe.signed);
  } catch (err) {
    if (err instanceof CoreError) return toProbeOutcome(profile, err, probe.signed);
    throw err;
  } finally {
    await probe.client.close();
  }
}
