// verification_id generation. Pure: no Node, no DOM (uses the global Web Crypto when present).
//
// Format: rpd_<time>_<counter>_<random>, e.g. rpd_0mhy3k2a1_0000_k3j9x0qa (27 characters).
// - time: ms since epoch, base36, zero-padded to 9 characters, so ids sort by creation time as
//   plain strings (ASCII digits sort before lowercase letters, as base36 requires);
// - counter: base36, 4 characters, restarts every millisecond, so ids made in the same ms still sort;
// - random: 8 base36 characters, so two processes on one machine never collide.
// Cashfree allows at most 50 characters from [A-Za-z0-9._-].

export const VERIFICATION_ID_MAX_LENGTH = 50;
const ID_CHARACTER = '[A-Za-z0-9._-]';
/** Only the characters Cashfree allows, any length (Cashfree checks the length separately). */
export const VERIFICATION_ID_CHARACTERS = new RegExp(`^${ID_CHARACTER}+$`);
export const VERIFICATION_ID_PATTERN = new RegExp(`^${ID_CHARACTER}{1,${VERIFICATION_ID_MAX_LENGTH}}$`);
/** The rule in words, for refusals. */
export const VERIFICATION_ID_RULE = '1 to 50 letters, digits, dots, hyphens or underscores';

const TIME_WIDTH = 9;
const COUNTER_WIDTH = 4;
const RANDOM_WIDTH = 8;
const COUNTER_LIMIT = 36 ** COUNTER_WIDTH;

export const isVerificationId = (value: string): boolean => VERIFICATION_ID_PATTERN.test(value);

/** A random number in [0, 1) from Web Crypto when available (Node 24, browsers), else Math.random. */
export function secureRandom(): number {
  const c = (globalThis as { crypto?: { getRandomValues?: <T extends ArrayBufferView>(a: T) => T } }).crypto;
  if (c?.getRandomValues) {
    const words = c.getRandomValues(new Uint32Array(2));
    // 52 random bits, like Math.random's mantissa.
    return ((words[0]! >>> 6) * 2 ** 26 + (words[1]! >>> 6)) / 2 ** 52;
  }
  return Math.random();
}

export type VerificationIdGenerator = (now?: number, rand?: () => number) => string;

/**
 * A generator with its own clock memory. If the clock steps back, ids keep the last time seen,
 * so they still sort after the ones already made.
 */
export function createVerificationIdGenerator(): VerificationIdGenerator {
  let lastTime = 0;
  let counter = 0;
  return (now = Date.now(), rand = secureRandom) => {
    let time = Math.max(Math.floor(now), lastTime, 0);
    if (time === lastTime) {
      counter += 1;
      if (counter >= COUNTER_LIMIT) {
        // More than 1.6 million ids in one ms: borrow the next ms rather than wrap around.
        time += 1;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastTime = time;
    let random = '';
    for (let i = 0; i < RANDOM_WIDTH; i++) {
      const r = rand();
      const digit = Number.isFinite(r) ? Math.min(35, Math.max(0, Math.floor(r * 36))) : 0;
      random += digit.toString(36);
    }
    return `rpd_${time.toString(36).padStart(TIME_WIDTH, '0')}_${counter.toString(36).padStart(COUNTER_WIDTH, '0')}_${random}`;
  };
}

/** The app's generator: one per process. */
export const newVerificationId: VerificationIdGenerator = createVerificationIdGenerator();
