// Chrome native messaging frames: a 4-byte little-endian length, then that many bytes of UTF-8
// JSON. The host reads them on stdin and writes them on stdout (stdout carries frames only).
import type { Socket } from 'node:net';
import { MAX_FRAME_BYTES } from '../../shared/browser-bridge.ts';

export function encodeFrame(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length, 0);
  return Buffer.concat([head, body]);
}

export class FrameTooLarge extends Error {}

/** Collects chunks and hands out each whole frame's parsed JSON (undefined when it is not JSON). */
export class FrameReader {
  private buffered = Buffer.alloc(0);
  private readonly max: number;

  constructor(max = MAX_FRAME_BYTES) {
    this.max = max;
  }

  push(chunk: Buffer): unknown[] {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    const out: unknown[] = [];
    while (this.buffered.length >= 4) {
      const length = this.buffered.readUInt32LE(0);
      if (length > this.max) throw new FrameTooLarge(`A frame of ${length} bytes is over the ${this.max}-byte limit.`);
      if (this.buffered.length < 4 + length) break;
      const body = this.buffered.subarray(4, 4 + length).toString('utf8');
      this.buffered = this.buffered.subarray(4 + length);
      out.push(parseJson(body));
    }
    return out;
  }
}

/** Newline-delimited JSON between the host and the app's socket. */
export class LineReader {
  private buffered = '';
  private readonly max: number;

  constructor(max = MAX_FRAME_BYTES) {
    this.max = max;
  }

  push(chunk: Buffer | string): unknown[] {
    this.buffered += chunk.toString();
    const lines = this.buffered.split('\n');
    this.buffered = lines.pop() ?? '';
    if (this.buffered.length > this.max) throw new FrameTooLarge(`A line over ${this.max} characters.`);
    return lines.filter((l) => l.trim() !== '').map(parseJson);
  }
}

/** Hands `each` every JSON line the socket sends; a peer that overruns the limit is cut off. */
export function readLines(socket: Socket, each: (message: unknown) => void): void {
  const reader = new LineReader();
  socket.on('data', (chunk) => {
    let messages: unknown[];
    try {
      messages = reader.push(chunk);
    } catch {
      return socket.destroy();
    }
    for (const message of messages) each(message);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
