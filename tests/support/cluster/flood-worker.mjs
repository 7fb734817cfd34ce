// A stand-in worker for tests/server/cluster-stop.test.ts: listens, then keeps the primary busy
// relaying large events to the other worker; on SIGTERM it exits at once, with writes still pending.
import http from 'node:http';

const big = 'x'.repeat(512 * 1024);
http.createServer((_, res) => res.end('ok')).listen(0, () => process.stdout.write(`worker ${process.pid}\n`));
process.send({ loket: 'desks-sync' });
let n = 0;
const timer = setInterval(() => {
  process.send({ loket: 'event', name: 'activities.appended', payload: { conversationId: 'c', big } });
  process.send({ loket: 'interest', conversationId: `c${n++ % 50}`, on: n % 2 === 0 });
  process.send({ loket: 'desks', desks: [] });
}, 1);
process.on('SIGTERM', () => {
  clearInterval(timer);
  process.exit(0);
});
