// The desk feature's slice of the contract: what the agent does with an order on the desktop
// (clipboard, QR image, presenter window, notifications).
import { z } from 'zod';
import { VerificationRef } from './common.ts';
import type { ChannelSlice } from './common.ts';
import type { DESK_CHANNELS } from './desk.channels.ts';

export const deskChannels = {
  'clipboard.write': {
    input: z.object({ text: z.string().max(10_000), sensitive: z.boolean().optional() }).strict(),
    output: z.null(),
  },
  /** Main draws the order's QR as a PNG and asks where to save it; false when the agent cancels. */
  'qr.save': { input: VerificationRef, output: z.object({ saved: z.boolean() }) },
  /** Main puts the order's QR on the clipboard as an image. */
  'qr.copy': { input: VerificationRef, output: z.null() },
  /** A separate window with only the QR, the name and the countdown (second monitor, shared screen). */
  'window.present': { input: VerificationRef, output: z.null() },
  'notify.show': {
    input: z.object({ title: z.string().min(1).max(200), body: z.string().max(500) }).strict(),
    output: z.null(),
  },
} as const satisfies ChannelSlice<typeof DESK_CHANNELS>;
