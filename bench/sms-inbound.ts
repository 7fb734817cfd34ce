/**
 * Inbound SMS webhooks per second with the reply sent: Loket on a real port (SQLite on disk), the
 * Twilio channel on, its real `twilio` REST client sending every reply to a local fake Twilio that
 * counts them. autocannon posts signed webhooks (a fresh MessageSid each, signed with the `twilio`
 * library's helper) from many phone numbers that walk through the case-status flow.
 *
 *   node bin/run-ts.js bench/sms-inbound.ts [--conc 1,16,64] [--duration 8] [--numbers 2000]
 *
 * Webhook latency is the time to Twilio's 200 (message and turn stored; replies go out after).
 * "Every webhook produced a send" is checked in the transcript: each stored inbound message has a
 * bot reply (replyToId) that the fake Twilio accepted (a sid in the channel's outbound table).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import twilio from 'twilio';
import { createLoket } from '../src/server/loket.ts';
import { startFakeTwilio } from '../tests/channels/sms/fake-twilio.ts';

/** The part of autocannon used here (it ships no types). */
interface Result { '2xx': number; non2xx: number; errors: number; latency: { p50: number; p99: number } }
type Request = { method: string; path: string; body?: string; headers?: Record<string, string> };
type Autocannon = (opts: { url: string; connections: number; duration: number; requests: Array<Request & { setupRequest(req: Request): Request }> }) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : def;
};
const LEVELS = arg('conc', '1,16,64').split(',').map(Number);
const DURATION = Number(arg('duration', '8'));
const NUMBERS = Number(arg('numbers', '2000'));
const TARGET_P99_MS = 100;
/** Twilio gives a webhook 15 s before it logs error 11200 and gives up. */
const TWILIO_TIMEOUT_MS = 15_000;

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'bench-auth-token-0123456789';
const PUBLIC_URL = 'https://loket.example.nl';
const SMS_URL = `${PUBLIC_URL}/channels/twilio/sms`;
const FLOW = ['hallo', 'hoe staat het met mijn aanvraag Z-2026-000123', '1234 AB 15-03-1980', 'waarom?', 'wat zijn jullie openingstijden', 'bedankt'];

const dir = mkdtempSync(join(tmpdir(), 'loket-bench-sms-'));
const fake = await startFakeTwilio();
const loket = await createLoket({
  DATABASE_URL: `sqlite:${join(dir, 'loket.db')}`, LOG_LEVEL: process.env.BENCH_LOG ?? 'silent', LOKET_OFFICE_HOURS: 'always', LOKET_SWEEP_SECONDS: '0',
  LOKET_ADMIN_USER: 'bench', LOKET_ADMIN_PASSWORD: 'bench-password-1', LOKET_NLU_CACHE: join(tmpdir(), 'loket-test-nlu-cache'),
  LOKET_PUBLIC_URL: PUBLIC_URL, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: '+3197010203040', TWILIO_API_BASE: fake.url,
});
const base = await loket.app.listen({ port: 0, host: '127.0.0.1' });

let sent = 0;
let level = 0;
/** One signed webhook: the next message of the next number (numbers take turns, so one is never posted twice at once). */
function nextWebhook(): { body: string; headers: Record<string, string> } {
  const i = sent++;
  const number = `+316${String(level * 1_000_000 + (i % NUMBERS)).padStart(8, '0')}`;
  const params: Record<string, string> = {
    MessageSid: `SM${(level * 1e12 + i).toString(16).padStart(32, '0')}`, AccountSid: ACCOUNT_SID,
    From: number, To: '+3197010203040', Body: FLOW[Math.floor(i / NUMBERS) % FLOW.length]!, NumMedia: '0',
  };
  return {
    body: new URLSearchParams(params).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, SMS_URL, params) },
  };
}

/**
 * Waits until every reply of the level has gone out: turns still being committed (the group commit)
 * announce their replies only then, so idle senders alone do not mean done. Done = idle, and no new
 * send for 300 ms.
 */
async function settle(): Promise<void> {
  for (let quietSince = performance.now(), last = -1; performance.now() - quietSince < 300;) {
    await loket.delivery.idle();
    await loket.twilio!.outbound.idle();
    await new Promise((r) => setTimeout(r, 20));
    if (fake.sent.length !== last) {
      last = fake.sent.length;
      quietSince = performance.now();
    }
  }
}

/** Inbound messages without an accepted reply (should be none). */
async function unanswered(): Promise<{ inbound: number; missing: number }> {
  const db = loket.store.raw as import('better-sqlite3').Database;
  const inbound = db.prepare("SELECT conversation_id, id FROM activities WHERE json_extract(json, '$.from.role') = 'user'").all() as Array<{ conversation_id: string; id: string }>;
  const answered = new Set(
    (db.prepare(`SELECT json_extract(a.json, '$.replyToId') AS r FROM activities a JOIN sms_outbound o ON o.activity_id = a.id
      WHERE o.sid IS NOT NULL`).all() as Array<{ r: string }>).map((x) => x.r),
  );
  const miss = inbound.filter((a) => !answered.has(a.id));
  return { inbound: inbound.length, missing: miss.length };
}

const results: Array<Record<string, unknown>> = [];
for (const conc of LEVELS) {
  level += 1;
  sent = 0;
  const before = fake.sent.length;
  const t0 = performance.now();
  const r = await autocannon({
    url: base, connections: conc, duration: DURATION,
    requests: [{ method: 'POST', path: '/channels/twilio/sms', setupRequest: (req) => ({ ...req, ...nextWebhook() }) }],
  });
  const loadMs = performance.now() - t0;
  await settle();
  const allMs = performance.now() - t0;
  const sends = fake.sent.length - before;
  const ok = r['2xx'];
  const row = {
    connections: conc, webhooks: ok, non2xx: r.non2xx, errors: r.errors,
    webhooksPerSec: Math.round(ok / (loadMs / 1000)), p50ms: r.latency.p50, p99ms: r.latency.p99,
    sends, sendsPerSec: Math.round(sends / (allMs / 1000)), drainMs: Math.round(allMs - loadMs),
  };
  results.push(row);
  console.log(`sms-inbound conc=${conc}: ${row.webhooksPerSec} webhooks/s, p50 ${row.p50ms} ms, p99 ${row.p99ms} ms, ` +
    `${ok} webhooks → ${sends} SMS sent (${row.sendsPerSec}/s incl. ${row.drainMs} ms drain), non-2xx ${r.non2xx}, errors ${r.errors}`);
}

const check = await unanswered();
console.log(`every webhook produced a send: ${check.missing === 0 ? 'yes' : 'NO'} (${check.inbound} inbound messages stored, ${check.missing} without an accepted reply)`);
const worstP99 = Math.max(...results.map((r) => r.p99ms as number));
const singleP99 = (results.find((r) => r.connections === 1)?.p99ms as number | undefined) ?? worstP99;
console.log(`${check.missing === 0 && results.every((r) => r.non2xx === 0 && r.errors === 0) ? 'PASS' : 'MISS'} every signed webhook answered 200 and produced a send`);
console.log(`${singleP99 < TARGET_P99_MS ? 'PASS' : 'MISS'} webhook p99 < ${TARGET_P99_MS} ms one at a time (${singleP99} ms)`);
console.log(`${worstP99 < TWILIO_TIMEOUT_MS ? 'PASS' : 'MISS'} webhook p99 under Twilio's ${TWILIO_TIMEOUT_MS / 1000} s timeout at every level (worst ${worstP99} ms)`);

mkdirSync('bench/results', { recursive: true });
const machine = { node: process.version, cores: availableParallelism(), loadavgAtEnd: loadavg() };
console.log(`machine: ${machine.cores} cores, load average ${machine.loadavgAtEnd.map((l) => l.toFixed(1)).join(' ')} (figures shrink when other work shares the cores)`);
writeFileSync('bench/results/sms-inbound.json', `${JSON.stringify({ bench: 'sms-inbound', at: new Date().toISOString(), machine, durationSeconds: DURATION, numbers: NUMBERS, results, check }, null, 2)}\n`);
await loket.close();
await fake.close();
