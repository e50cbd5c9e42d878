// "Test connection": the app asks GET /remitter/status for an id that cannot exist. Whatever
// Cashfree answers says whether the keys, the IP whitelist or signature and the environment are
// right. The client's error already says it in plain words; toProbeOutcome reads it as a probe.
import { PROFILE_WORDS } from '../../../shared/words.ts';
import type { ProfileKind } from '../../../shared/domain.ts';
import type { ProbeOutcome } from '../../../shared/contract.ts';
import { CashfreeError } from '../cashfree/errors.ts';
import type { CoreError } from '../error.ts';

export const PROBE_ID_PREFIX = 'rpd_probe_';

/** An id no real order has: letters, digits and underscores, within Cashfree's 50 characters. */
export const makeProbeVerificationId = (): string =>
  `${PROBE_ID_PREFIX}${globalThis.crypto.randomUUID().replace(/-/g, '')}`;

/**
 * What Test connection says, derived from the error the probe call threw (null: it succeeded).
 * The client has already named the cause precisely (TLS, DNS, refused, keys, whitelist...), so
 * its code and sentence are shown as they are; only what a probe knows beyond a normal call is
 * added here.
 */
export function toProbeOutcome(profile: ProfileKind, err: CoreError | null, signed: boolean): ProbeOutcome {
  const env = PROFILE_WORDS[profile];
  const connected: ProbeOutcome = { ok: true, code: 'ok', message: `Connected to Cashfree ${env}: the keys work.` };
  if (err === null) return connected;
  if (err instanceof CashfreeError && err.httpStatus !== null) {
    // The made-up id is unknown to Cashfree, or refused for its form: Cashfree got past the keys to read it.
    if (err.code === 'not_found' || err.code === 'invalid_input') return connected;
    // A bare 403 names no cause. A signed request points at the public key or the clock, else at the IP whitelist.
    if (err.httpStatus === 403 && err.code === 'unknown') {
      return signed
        ? { ok: false, code: 'signature_rejected', message: `Cashfree refused access (403). The request was signed, so the public key imported for ${env} is probably wrong or this computer's clock is off.` }
        : { ok: false, code: 'ip_not_whitelisted', message: `Cashfree refused access (403). No public key is set, so this computer's IP address is probably not whitelisted for ${env}: whitelist it or import the public key.` };
    }
  }
  return { ok: false, code: err.code, message: err.message };
}

const TEST_ID_PREFIX = 'TEST';
const TEST_SECRET_PREFIX = 'cfsk_ma_test_';
const PROD_SECRET_PREFIX = 'cfsk_ma_prod_';

/**
 * Refuses keys that are obviously for the other environment: Cashfree's test client ids start with
 * "TEST" and test secrets with "cfsk_ma_test_"; production secrets start with "cfsk_ma_prod_".
 * Returns the sentence to show, or null when nothing is obviously wrong. Never echoes the keys.
 */
export function checkEnvironmentMismatch(
  kind: ProfileKind,
  keys: { clientId?: string | undefined; clientSecret?: string | undefined },
): string | null {
  const idIsTest = keys.clientId?.trim().startsWith(TEST_ID_PREFIX);
  const secretIsTest = keys.clientSecret?.trim().startsWith(TEST_SECRET_PREFIX);
  const secretIsProd = keys.clientSecret?.trim().startsWith(PROD_SECRET_PREFIX);
  if (kind === 'production' && (idIsTest || secretIsTest)) {
    return 'These are Sandbox (test) keys, not Production keys. Copy the keys from the Production section of the Cashfree dashboard, or save these under the Sandbox profile.';
  }
  if (kind === 'sandbox' && secretIsProd) {
    return 'This is a Production client secret, not a Sandbox (test) one. Copy the keys from the Sandbox section of the Cashfree dashboard, or save these under the Production profile.';
  }
  return null;
}
