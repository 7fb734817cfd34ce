/**
 * The receiver route `POST /channels/slack/events` through inject(): signatures against the app's
 * clock, url_verification, interactivity and slash command forms, and the channel being off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { startLoket } from '../../support/loket.ts';
import { CITIZEN, EVENTS, SECRET, directMessage, sendForm, sendJson, sendRaw, settle, sign, startSlackWorld, type SlackWorld } from './helpers.ts';

const NOW = '2026-11-30T10:00:00Z';
const nowSeconds = Date.parse(NOW) / 1000;

describe('POST /channels/slack/events', () => {
  let w: SlackWorld;
  const clock = fixedClock(NOW);
  beforeAll(async () => {
    w = await startSlackWorld({}, clock);
  });
  afterAll(async () => {
    await w.close();
  });

  const nothingProcessed = async () => {
    await settle(w.loket);
    expect(await w.loket.store.addresses.find('slack', CITIZEN)).toBeNull();
    expect(w.slack.calls).toEqual([]);
  };

  it('refuses a wrong signature with 401 and processes nothing', async () => {
    const res = await sendJson(w.loket, directMessage(CITIZEN, 'hallo'), { ts: nowSeconds, secret: 'not-the-secret' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'SLACK_SIGNATURE_INVALID' } });
    await nothingProcessed();
  });

  it('refuses a body that is not the one signed', async () => {
    const signature = sign(JSON.stringify(directMessage(CITIZEN, 'hallo')), nowSeconds);
    const res = await sendJson(w.loket, directMessage(CITIZEN, 'hallo!'), { ts: nowSeconds, signature });
    expect(res.statusCode).toBe(401);
    await nothingProcessed();
  });

  it('refuses a correctly signed request older than 5 minutes, by the app clock', async () => {
    const res = await sendJson(w.loket, directMessage(CITIZEN, 'hallo'), { ts: nowSeconds - 301 });
    expect(res.statusCode).toBe(401);
    await nothingProcessed();
  });

  it('refuses one dated more than 5 minutes ahead', async () => {
    expect((await sendJson(w.loket, directMessage(CITIZEN, 'hallo'), { ts: nowSeconds + 301 })).statusCode).toBe(401);
    await nothingProcessed();
  });

  it('refuses a request without the Slack headers', async () => {
    const res = await w.loket.app.inject({ method: 'POST', url: EVENTS, payload: { type: 'url_verification', challenge: 'x' } });
    expect(res.statusCode).toBe(401);
  });

  it('answers url_verification with the challenge', async () => {
    const res = await sendJson(w.loket, { token: 'x', challenge: 'c-123', type: 'url_verification' }, { ts: nowSeconds - 200 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ challenge: 'c-123' });
  });

  it('answers 400 to a signed body that is neither JSON nor a form', async () => {
    const res = await sendRaw(w.loket, 'not json', 'application/json', { ts: nowSeconds });
    expect(res.statusCode).toBe(400);
  });

  it('answers a slash command with the queue, visible only to the caller', async () => {
    const res = await sendForm(w.loket, {
      token: 'x', team_id: 'T0001', channel_id: 'CHANDOFFS', user_id: 'UANNA0001', command: '/loket', text: '',
      response_url: 'http://127.0.0.1:9/unused', trigger_id: '1.2.3', api_app_id: 'A0001',
    }, { ts: nowSeconds });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ response_type: 'ephemeral', text: 'Loket: 0 wachtend, 0 in behandeling.' });
  });

  it('acknowledges an event before its work is done, then does it', async () => {
    const res = await sendJson(w.loket, directMessage(CITIZEN, 'wat zijn jullie openingstijden?'), { ts: nowSeconds });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    await settle(w.loket);
    expect(await w.loket.store.addresses.find('slack', CITIZEN)).not.toBeNull();
    expect(w.slack.of('auth.test').length).toBeGreaterThan(0);
  });
});

describe('the Slack channel without settings', () => {
  it('is off: no route, no sender, and one line in the log', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
    const loket = await startLoket({ SLACK_BOT_TOKEN: 'xoxb-only-the-token' }, { logger });
    try {
      expect(loket.slack).toBeNull();
      const res = await loket.app.inject({ method: 'POST', url: EVENTS, payload: {} });
      expect(res.statusCode).toBe(404);
      const off = lines.filter((l) => l.includes('Slack channel off'));
      expect(off).toHaveLength(1);
      expect(off[0]).toContain('SLACK_SIGNING_SECRET, SLACK_CHANNEL');
    } finally {
      await loket.close();
    }
  });

  it('stops the boot when SLACK_CASEWORKERS is malformed', async () => {
    await expect(startLoket({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-x', SLACK_CHANNEL: 'C1', SLACK_CASEWORKERS: 'anna' }))
      .rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
