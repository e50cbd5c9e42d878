// `npm start`: the desktop app when an Electron binary is installed; otherwise the same app in
// the browser through the bridge, after one line that says why.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, electronBinary } from './dev/ensure-build.ts';
import { main as web } from './web.ts';

const binary = electronBinary();
if (binary) {
  const cli = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
  const child = spawn(process.execPath, [cli, 'preview', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('No Electron binary is installed here (it is fetched on first launch, which needs the internet): serving the app in your browser instead.');
  await web(process.argv.slice(2));
}
