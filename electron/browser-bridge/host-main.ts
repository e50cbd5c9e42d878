// Entry point of the native-messaging host program (bundled to one file, then made into a Node
// single executable per platform). Logs go to stderr, which the browser keeps out of the frames.
import { runHost } from './host.ts';

void runHost({
  argv: process.argv.slice(1),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  log: (line) => process.stderr.write(`rpd-desk-bridge: ${line}\n`),
}).then((code) => process.exit(code));
