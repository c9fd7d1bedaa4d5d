// Starts a real socd on a private socket and state directory for the node tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, chmodSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function ping(socketPath) {
  return new Promise((resolve) => {
    const socket = net.createConnection({ path: socketPath });
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write('{"jsonrpc":"2.0","id":1,"method":"system.ping"}\n'));
    socket.on('data', (chunk) => { reply += chunk; if (reply.includes('\n')) { socket.destroy(); resolve(reply.includes('"pong":true')); } });
    socket.on('error', () => resolve(false));
  });
}

export async function startDaemon() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'socd-node-test-'));
  chmodSync(work, 0o755);
  const socketPath = path.join(work, 'socd.sock');
  const logPath = path.join(work, 'socd.log');
  const log = openSync(logPath, 'a');
  const binary = process.env.SOCD_BIN || path.join(repoRoot, '.build', 'debug', 'socd');
  const child = spawn(binary, ['--socket', socketPath, '--state-dir', path.join(work, 'state')], { stdio: ['ignore', log, log] });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + 10000;
  while (!(await ping(socketPath))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`socd did not start:\n${readFileSync(logPath, 'utf8')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    socketPath,
    work,
    /** SIGTERM and wait; resolves to socd's exit status (0 after a clean shutdown). */
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const status = await exited;
      rmSync(work, { recursive: true, force: true });
      return status;
    },
  };
}
