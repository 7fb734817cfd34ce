/**
 * A caseworker at work, as the server sees one: logged in, with the console's live events socket
 * (GET /api/v1/events) open over a real port. While it is open the caseworker counts as present for
 * the wait citizens are told (src/handoff/presence.ts).
 */
import WebSocket from 'ws';
import type { Loket } from '../../src/server/loket.ts';

const bases = new WeakMap<Loket, Promise<string>>();

/** The Loket's base URL, listening on 127.0.0.1 once per Loket (closed with the Loket). */
function baseOf(loket: Loket): Promise<string> {
  let base = bases.get(loket);
  if (!base) bases.set(loket, (base = loket.app.listen({ host: '127.0.0.1', port: 0 })));
  return base;
}

export interface ConsoleSocket {
  ws: WebSocket;
  /** Closes the socket and waits until the server saw it close. */
  close(): Promise<void>;
}

/** Logs `username` in and opens a console events socket for it; resolves once the server said hello. */
export async function atWork(loket: Loket, username = 'admin', password = 'admin-password-1'): Promise<ConsoleSocket> {
  const res = await loket.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const { token } = res.json() as { token: string };
  return openConsole(loket, token);
}

/** A console events socket with an existing session's token (a reload opens a new one with the same token). */
export async function openConsole(loket: Loket, token: string): Promise<ConsoleSocket> {
  const base = await baseOf(loket);
  const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/events?token=${token}`);
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type?: string }).type === 'hello') resolve();
    });
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`console socket closed before hello (${code})`)));
  });
  return {
    ws,
    async close() {
      if (ws.readyState === ws.CLOSED) return;
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close();
      });
    },
  };
}
