// The cluster primary of src/server/cluster.ts over stand-in workers (flood-worker.mjs), for
// tests/server/cluster-stop.test.ts: prints "listening" once both listen, exits with 0 after SIGTERM
// when stopping went well, and an uncaught error ends it with 1 as it would end `loket serve`.
import cluster from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { startPrimary } from '../../../src/server/cluster.ts';

cluster.setupPrimary({ exec: fileURLToPath(new URL('./flood-worker.mjs', import.meta.url)), silent: false });
const log = { info: () => {}, error: (obj: unknown, msg?: string) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`) };
const primary = startPrimary({ workers: 2, log, onListening: () => process.stdout.write('listening\n') });
process.once('SIGTERM', async () => {
  await primary.stop();
  process.exit(0);
});
