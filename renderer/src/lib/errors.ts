// The next step an agent can take for each error code; the sentence itself is AppError.message.
import type { AppError, ErrorCode } from '../../../shared/result.ts';

const NEXT_STEPS: Partial<Record<ErrorCode, string>> = {
  invalid_input: 'Correct the highlighted field and try again.',
  auth_failed: 'Check the client id and secret of this profile in Settings.',
  ip_not_whitelisted: "Ask your Cashfree admin to whitelist this computer's IP, or use public-key 2FA.",
  signature_rejected: 'Check the public key of this profile in Settings, and that the computer clock is right.',
  rpd_not_enabled: 'Ask Cashfree to enable Reverse Penny Drop on this account.',
  insufficient_balance: 'Ask your admin to top up the Cashfree verification wallet.',
  wrong_environment: 'Use keys of the environment this profile points to.',
  rate_limited: 'Wait a few seconds, then retry.',
  cashfree_down: 'Cashfree or the bank is having trouble: retry in a minute.',
  network_down: 'Check the internet connection or the company proxy, then retry.',
  timeout: 'Retry: nothing was charged twice, the order keeps its id.',
  malformed_answer: 'Retry; if it keeps happening, tell your admin.',
  not_found: 'Check the order id.',
  answer_lost: 'Make a new link for the customer.',
  not_configured: 'Add the keys of this profile in Settings.',
  unavailable: 'Try again, or restart RPD Desk.',
  internal: 'Retry; if it keeps happening, the details are in the log.',
};

export function nextStep(code: ErrorCode): string {
  return NEXT_STEPS[code] ?? 'Retry, or tell your admin if it keeps happening.';
}

/** The sentence and what to do about it, for a one-line notice. */
export function errorText(error: AppError): string {
  return `${error.message} ${nextStep(error.code)}`;
}
