// Screen sharing: while the presenter window shows the QR to a customer, the agent's main
// window (names, results, history) is hidden from capture if the setting allows, and
// notifications wait until presenting ends, so they do not pop up on the shared screen.

export interface PresentingSettings {
  /** "Hide the main window from screen capture while presenting": on by default. */
  protectMainWindow: boolean;
}

export const DEFAULT_PRESENTING_SETTINGS: PresentingSettings = { protectMainWindow: true };

export function mainWindowContentProtection(presenting: boolean, settings: PresentingSettings): boolean {
  return presenting && settings.protectMainWindow;
}

export interface HeldNotification {
  title: string;
  body: string;
}

export const MAX_HELD_NOTIFICATIONS = 50;
/** Beyond this many, the held notifications become one summary instead of a burst. */
export const MAX_SHOWN_ON_RELEASE = 3;

/** Holds notifications while presenting; releasing gives back what to show now. */
export class NotificationGate {
  #presenting = false;
  #held: HeldNotification[] = [];

  get presenting(): boolean {
    return this.#presenting;
  }

  /** 'show' now, or 'held' until presenting ends. */
  offer(notification: HeldNotification): 'show' | 'held' {
    if (!this.#presenting) return 'show';
    this.#held.push(notification);
    if (this.#held.length > MAX_HELD_NOTIFICATIONS) this.#held.shift();
    return 'held';
  }

  /** Returns the notifications to show now (empty unless presenting just ended). */
  setPresenting(presenting: boolean): HeldNotification[] {
    const wasPresenting = this.#presenting;
    this.#presenting = presenting;
    if (!wasPresenting || presenting) return [];
    const held = this.#held;
    this.#held = [];
    return summariseHeld(held);
  }
}

export function summariseHeld(held: readonly HeldNotification[]): HeldNotification[] {
  if (held.length <= MAX_SHOWN_ON_RELEASE) return [...held];
  return [{ title: 'RPD Desk', body: `${held.length} updates arrived while you were presenting. Open RPD Desk to see them.` }];
}
