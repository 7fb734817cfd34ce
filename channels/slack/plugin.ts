/**
 * The Slack receiver: a Bolt `Receiver` (init/start/stop) whose transport is one route in our own
 * Fastify server, `POST /channels/slack/events` (CONTRACTS §7). Events API JSON, interactivity
 * (`payload=` forms) and slash commands all arrive there. Like Bolt's receivers it only receives:
 * verify the signature, answer `url_verification`, drop retries already seen, hand the body to
 * `app.processEvent`, and answer Slack as soon as the listener acknowledges (Slack wants an answer
 * within 3 s; the work goes on after that).
 *
 *     const receiver = new SlackReceiver({ signingSecret, clock, isFirstDelivery, log });
 *     const bolt = new App({ receiver, token });
 *     await app.register(receiver.plugin());
 */
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../src/clock.ts';
import { parseSlackBody, verifySlackSignature } from './verify.ts';

export const EVENTS_PATH = '/channels/slack/events';

export interface SlackReceiverOptions {
  signingSecret: string;
  clock: Clock;
  /** False when this key was processed before (Slack retries events it thinks we missed). */
  isFirstDelivery(key: string): Promise<boolean>;
  log: { warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
  /** Answer Slack after this long even when no listener acknowledged (Slack gives up at 3 s). */
  ackTimeoutMs?: number;
}

type Acked = { kind: 'acked'; response: unknown } | { kind: 'done' } | { kind: 'failed' } | { kind: 'timeout' };

const BODY_LIMIT = 1024 * 1024;

export class SlackReceiver implements Receiver {
  private bolt: App | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly opts: SlackReceiverOptions) {}

  init(app: App): void {
    this.bolt = app;
  }

  /** Fastify owns the socket, so there is nothing to start. */
  async start(): Promise<void> {}

  /** Lets the events already handed to Bolt finish. */
  async stop(): Promise<void> {
    await this.idle();
  }

  /** Resolves when every event handed to Bolt so far has been processed (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** The Fastify plugin with the one route; its own scope keeps the raw-body parser to itself. */
  plugin(): FastifyPluginAsync {
    return async (app: FastifyInstance) => {
      // The signature covers the raw bytes, so nothing may parse the body before it is checked.
      app.removeAllContentTypeParsers();
      app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
      app.post(EVENTS_PATH, { bodyLimit: BODY_LIMIT, schema: { hide: true } }, (req, reply) => this.receive(req, reply));
    };
  }

  private async receive(req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const raw = typeof req.body === 'string' ? req.body : '';
    verifySlackSignature({
      signingSecret: this.opts.signingSecret,
      body: raw,
      signature: header(req, 'x-slack-signature'),
      timestamp: header(req, 'x-slack-request-timestamp'),
      now: this.opts.clock.now(),
    });
    const body = parseSlackBody(raw, req.headers['content-type']);
    if (body.ssl_check) return reply.send('');
    if (body.type === 'url_verification') return reply.send({ challenge: body.challenge });
    if (typeof body.event_id === 'string' && !(await this.opts.isFirstDelivery(`slack:event:${body.event_id}`))) {
      return reply.send('');
    }
    const outcome = await this.dispatch(body, req);
    if (outcome.kind === 'failed') return reply.status(500).send('');
    if (outcome.kind === 'timeout') this.opts.log.warn({ path: EVENTS_PATH }, 'no Slack listener acknowledged in time');
    const response = outcome.kind === 'acked' ? outcome.response : undefined;
    if (response === undefined || response === null || response === '') return reply.send('');
    return typeof response === 'string' ? reply.type('text/plain; charset=utf-8').send(response) : reply.send(response);
  }

  /** Hands the body to Bolt and waits for the first of: ack, end of processing, failure, timeout. */
  private dispatch(body: Record<string, unknown>, req: FastifyRequest): Promise<Acked> {
    const bolt = this.bolt;
    if (!bolt) throw new Error('SlackReceiver used before a Bolt App was created with it');
    return new Promise<Acked>((resolve) => {
      let acked = false;
      const timer = setTimeout(() => resolve({ kind: 'timeout' }), this.opts.ackTimeoutMs ?? 2500);
      timer.unref();
      const retryNum = Number(header(req, 'x-slack-retry-num'));
      const retryReason = header(req, 'x-slack-retry-reason');
      const event: ReceiverEvent = {
        body,
        ...(Number.isInteger(retryNum) ? { retryNum } : {}),
        ...(retryReason ? { retryReason } : {}),
        ack: async (response?: unknown) => {
          if (acked) throw new Error('ack() was called more than once for one Slack request');
          acked = true;
          clearTimeout(timer);
          resolve({ kind: 'acked', response });
        },
      };
      const work = bolt.processEvent(event).then(
        () => {
          clearTimeout(timer);
          resolve({ kind: 'done' });
        },
        (err: unknown) => {
          clearTimeout(timer);
          this.opts.log.error({ err }, 'a Slack event failed');
          resolve(acked ? { kind: 'done' } : { kind: 'failed' });
        },
      );
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    });
  }
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
