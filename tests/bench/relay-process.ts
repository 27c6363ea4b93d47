// The relay in a process of its own for the sync benchmark, as a team runs it (`cli
// sync-server`): its work (merging, saving its copy) must not count against the replicas'
// saves and latencies, which would share one event loop with it otherwise. Started by
// `spawnRelay` below as `node out/bench/relay.js DATA_DIR` with the key in RW_SYNC_TOKEN;
// prints `port N` once it listens and closes on SIGTERM.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { startRelay } from '../../src/core/sync/relay';

export interface RelayProcess {
  port: number;
  close(): Promise<void>;
}

export function spawnRelay(dataDir: string, key: string): Promise<RelayProcess> {
  // Beside the entry that runs (out/bench/sync.js): shared code lands in out/bench/assets/.
  const script = join(dirname(process.argv[1]!), 'relay.js');
  const child = spawn(process.execPath, [script, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RW_SYNC_TOKEN: key },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /port (\d+)/.exec(output);
      if (match)
        resolve({
          port: Number(match[1]),
          close: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`the relay exited with ${code}: ${output}`)));
  });
}

async function main(): Promise<void> {
  const relay = await startRelay({
    port: 0,
    dataDir: process.argv[2]!,
    key: process.env.RW_SYNC_TOKEN ?? '',
  });
  console.log(`port ${relay.port}`);
  process.once('SIGTERM', () => void relay.close().then(() => process.exit(0)));
}

if (process.argv[1]?.endsWith('relay.js')) await main();
