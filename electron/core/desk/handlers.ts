// The desk feature's channels (shared/contract/desk.ts): clipboard, QR image, presenter window,
// notifications, each through a desktop port.
import type { deskChannels } from '../../../shared/contract/desk.ts';
import type { Order } from '../../../shared/domain.ts';
import { qrFileName } from '../../../shared/qr.ts';
import { coreError } from '../error.ts';
import type { Impls } from '../handlers.ts';
import type { ClipboardPort, PlatformPorts } from './ports.ts';
import { qrPng } from './qr-image.ts';

export interface DeskFeature {
  /** The order, or the one "no such order" error. */
  order: (verificationId: string) => Order;
  clipboard: ClipboardPort | null;
  platform?: Partial<PlatformPorts>;
}

export function deskHandlers({ order, clipboard, platform }: DeskFeature): Impls<keyof typeof deskChannels> {
  const port = <P extends keyof PlatformPorts>(name: P): NonNullable<PlatformPorts[P]> => {
    const fn = platform?.[name];
    if (!fn) throw coreError('unavailable', 'Only the desktop app does that; in a browser the page does it itself.');
    return fn as NonNullable<PlatformPorts[P]>;
  };
  const qrOf = async (verificationId: string): Promise<{ order: Order; png: Buffer }> => {
    const found = order(verificationId);
    if (!found.links || found.state !== 'created') throw coreError('unavailable', 'This order has no payment link to show any more.');
    return { order: found, png: await qrPng(found.links.upi) };
  };
  return {
    'qr.save': async ({ verificationId }) => {
      const saveFile = port('saveFile');
      const { order: found, png } = await qrOf(verificationId);
      return { saved: (await saveFile(qrFileName(found.name, found.verificationId), png)) !== null };
    },
    'qr.copy': async ({ verificationId }) => {
      const copyImage = port('copyImage');
      await copyImage((await qrOf(verificationId)).png);
      return null;
    },
    'window.present': async ({ verificationId }) => {
      const present = port('present');
      order(verificationId);
      await present(verificationId);
      return null;
    },
    'notify.show': async ({ title, body }) => {
      await port('notify')(title, body);
      return null;
    },
    'clipboard.write': async ({ text, sensitive }) => {
      if (!clipboard) throw coreError('unavailable', 'This window writes to the clipboard itself.');
      await clipboard.write(text, sensitive ?? false);
      return null;
    },
  };
}
