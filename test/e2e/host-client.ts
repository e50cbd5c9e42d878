// Starts a native-messaging host program as a browser would (the caller's origin as its
// argument), sends one request frame and collects the answer frames until it exits.
import { spawn } from 'node:child_process';
import { encodeFrame, FrameReader } from '../../electron/browser-bridge/frames.ts';

export function askHost(program: string, origin: string, env: NodeJS.ProcessEnv, request: unknown): Promise<{ code: number | null; frames: unknown[] }> {
  return new Promise((resolve) => {
    const host = spawn(program, [origin], { env });
    const reader = new FrameReader();
    const frames: unknown[] = [];
    host.stdout.on('data', (c: Buffer) => {
      frames.push(...reader.push(c));
      if (frames.length) host.stdin.end();
    });
    host.on('exit', (code) => resolve({ code, frames }));
    host.stdin.write(encodeFrame(request));
  });
}
