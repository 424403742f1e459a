// `npm start`: builds, then launches the desktop app. Electron fetches its binary the first time it runs; where
// that cannot be had (a machine that reaches only the npm registry), it says so in one line and starts the web
// harness instead, which serves the same app on 127.0.0.1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

/** The Electron executable (resolving it fetches the binary on first run), or why it cannot be had. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  });
  const binary = probe.stdout?.trim();
  if (probe.status === 0 && binary && existsSync(binary)) return { binary };
  const lines = `${probe.stderr ?? ''}`.split('\n').map((l) => l.trim());
  const cause = lines.find((l) => /^(TypeError|Error|RequestError|HTTPError)\b/.test(l)) ?? 'no binary was installed';
  return { reason: cause.replace(/^Error: /, '') };
}

/** Runs a child with this terminal, and leaves with its exit code (Ctrl+C reaches it too). */
function runToEnd(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = electronBinary();
if (electron.binary) {
  runToEnd(electron.binary, ['.', ...passThrough]);
} else {
  console.log(`Electron's binary could not be had here (${electron.reason}); starting the web harness instead.`);
  runToEnd(process.execPath, [path.join(root, 'dist/harness/server.mjs'), ...passThrough]);
}
