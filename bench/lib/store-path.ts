/**
 * The store path of a web turn alone, in one process: getConversation, findActivityByClientId (as the
 * pipeline asks it) and commitTurn through the group commit, on a temp SQLite file with the checkpoint
 * thread, a turn the size of Loket's (the same as turns.ts's fastify + store route). No HTTP, NLU or
 * dialog. `node bin/run-ts.js bench/lib/store-path.ts` prints the process's CPU µs per turn (all
 * threads); env C (conversations, 200), B (turns per round, 100), R (rounds measured, 600). To compare
 * two commits, run it in a worktree of each, interleaved, several times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import { initialState } from '../../src/dialog/texts.ts';
const dir = mkdtempSync(join(tmpdir(), 'sb-'));
const store = openSqliteStore(join(dir, 'loket.db'));
const C = Number(process.env.C ?? 200);
const ids: string[] = [];
for (let i = 0; i < C; i++) { const id = crypto.randomUUID(); ids.push(id); await store.openConversation({ id, channel: 'web', userId: null, now: new Date().toISOString() }); }
const bot = { id: 'loket', name: 'Loket', role: 'bot' };
const trace = { dialog: 'case_status', step: 'answer', intent: 'case_status', confidence: 0.93, dialogVersion: 'bench', sources: [{ kind: 'rule' as const, ref: 'case-status-verified' }, { kind: 'case' as const, ref: 'Z-2026-000123', system: 'embedded', at: new Date().toISOString() }] };
const replyText = 'Uw zaak Z-2026-000123 (Omgevingsvergunning (dakkapel)): In behandeling: advies welstandscommissie gevraagd. Besluit uiterlijk 15 januari 2027. Wilt u weten waarom ik dit zeg? Vraag dan: waarom?';
let k = 0;
const turn = async (id: string) => {
  const row = (await store.getConversation(id))!;
  const clientActivityID = `${Date.now()}-${k++}`;
  const before = await store.findActivityByClientId(row.id, clientActivityID, row.etag);
  if (before) throw new Error('dup');
  const now = new Date().toISOString();
  const conversation = { id: row.id };
  const received = { seq: row.lastSeq + 1, activity: { type: 'message', conversation, from: { id: 'citizen', role: 'user' }, recipient: bot, channelId: 'web', text: 'hoe staat het met mijn aanvraag', channelData: { clientActivityID }, id: `${row.id}|${row.lastSeq + 1}`, timestamp: now } };
  const reply = { seq: row.lastSeq + 2, activity: { type: 'message', from: bot, conversation, text: replyText, textFormat: 'plain', locale: 'nl-NL', channelData: { trace }, replyToId: received.activity.id, id: `${row.id}|${row.lastSeq + 2}`, timestamp: now } };
  const state = { ...initialState(), facts: { caseNumber: 'Z-2026-000123', postcode: '1234 AB', birthDate: '1980-03-15' }, lastAnswer: { trace, explain: { nl: replyText, en: replyText } } };
  await store.commitTurn({ conversationId: row.id, expectedEtag: row.etag, state, activities: [received, reply], handoffs: [] }, now);
};
const B = Number(process.env.B ?? 100);
const rounds = async (n: number) => { for (let r = 0; r < n; r++) { const start = (r * B) % C; await Promise.all(Array.from({ length: B }, (_, j) => turn(ids[(start + j) % C]!))); } return n * B; };
await rounds(200);
const c0 = process.cpuUsage(); const t0 = performance.now();
const n = await rounds(Number(process.env.R ?? 600));
const c = process.cpuUsage(c0); const t = performance.now() - t0;
console.log(`store path, ${C} conversations, ${B} turns a round: ${((c.user + c.system) / n).toFixed(1)} µs cpu/turn (user ${(c.user / n).toFixed(1)} sys ${(c.system / n).toFixed(1)}), wall ${(t * 1000 / n).toFixed(1)} µs/turn`);
await store.close(); rmSync(dir, { recursive: true, force: true });
