/**
 * The Direct Line WebSocket stream of one conversation: first the activities after the client's
 * watermark (all of them when it sends none, so a fresh client sees the welcome), then one frame
 * `{activities, watermark}` per new batch, in seq order without gaps. Frames from the client (directlinejs pings with "") are
 * ignored. Protocol pings find dead peers; closing unsubscribes, so nothing is left behind.
 */
import type { WebSocket } from 'ws';
import type { ConversationService } from '../../src/conversation/service.ts';
import type { StoredActivity } from '../../src/conversation/types.ts';
import { toActivitySet } from './outbound.ts';

export interface StreamOptions {
  service: ConversationService;
  conversationId: string;
  /** Send what comes after this seq. */
  watermark: number;
  /** Protocol ping interval; a peer that missed one pong is dropped. */
  keepAliveMs: number;
  log: { warn(obj: unknown, msg?: string): void };
}

const CATCH_UP_PAGE = 200;
/** A client that stops reading is dropped before it costs us memory. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** Serves one socket until it closes. */
export function serveStream(socket: WebSocket, opts: StreamOptions): void {
  let sent = opts.watermark;
  let caughtUp = false;
  let closed = false;
  const waiting: StoredActivity[] = [];

  const send = (activities: StoredActivity[]): void => {
    const fresh = activities.filter((a) => a.seq > sent);
    if (fresh.length === 0 || closed || socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    const set = toActivitySet(fresh, sent);
    sent = fresh.at(-1)!.seq;
    socket.send(JSON.stringify(set));
  };

  // Subscribe before catching up, and hold what arrives meanwhile: nothing falls in between. A batch
  // that skips a seq (batches from other instances may overtake each other) is a gap: catch up from
  // the store again, which holds everything up to the batch.
  const unsubscribe = opts.service.subscribe(opts.conversationId, (batch) => {
    const first = batch.activities[0]?.seq ?? 0;
    if (caughtUp && first <= sent + 1) {
      send(batch.activities);
      return;
    }
    waiting.push(...batch.activities);
    if (caughtUp) {
      caughtUp = false;
      startCatchUp();
    }
  });

  let alive = true;
  const timer = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, opts.keepAliveMs);
  timer.unref();

  const stop = (): void => {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    unsubscribe();
  };
  socket.on('pong', () => {
    alive = true;
  });
  socket.on('message', () => {
    alive = true;
  });
  socket.on('close', stop);
  socket.on('error', stop);

  startCatchUp();

  function startCatchUp(): void {
    void catchUp().catch((err: unknown) => {
      opts.log.warn({ err, conversationId: opts.conversationId }, 'stream catch-up failed');
      stop();
      if (socket.readyState === socket.OPEN) socket.close(1011, 'catch-up failed');
    });
  }

  async function catchUp(): Promise<void> {
    for (;;) {
      const page = await opts.service.activities(opts.conversationId, sent, CATCH_UP_PAGE);
      if (closed) return;
      send(page.activities);
      if (page.activities.length < CATCH_UP_PAGE) break;
    }
    caughtUp = true;
    send(waiting.sort((a, b) => a.seq - b.seq));
    waiting.length = 0;
  }
}
