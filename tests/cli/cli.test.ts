import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/loket.ts';
import { NLU_CACHE } from '../support/nlu-cache.ts';
import { createRecognizer, MODEL_VERSION } from '../../src/nlu/index.ts';
import { cacheFile, cacheKey } from '../../src/nlu/cache.ts';
import { loadDialogSet, toTrainingData } from '../../src/dialog/loader.ts';

const env = { ...process.env, LOG_LEVEL: 'warn', LOKET_NLU_CACHE: NLU_CACHE };
const loket = (args: string[], extraEnv: Record<string, string> = {}, input?: string) =>
  spawnSync(process.execPath, ['bin/loket.js', ...args], { env: { ...env, ...extraEnv }, input, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });

function brokenDialogs(): string {
  const dir = join(tempDir(), 'dialogs');
  cpSync('dialogs', dir, { recursive: true });
  writeFileSync(join(dir, 'intents', 'greeting.yaml'), 'version: 1\nkind: intent\nid: greeting\nexamples:\n  nl: [hoi]\n  en: [hi, hello, hey, hiya, howdy]\nanswer: {nl: Hallo}\n');
  return dir;
}

describe('loket command line', () => {
  it('validates the shipped dialogs', () => {
    const r = loket(['dialogs', 'validate']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dialogs: \d+ files, \d+ intents, version [0-9a-f]{12}: OK/);
  });

  it('reports every problem of a broken set as file:line:col and exits 1', () => {
    const r = loket(['dialogs', 'validate', brokenDialogs()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/greeting\.yaml:5:7 examples\.nl: must NOT have fewer than 5 items/);
    expect(r.stderr).toMatch(/greeting\.yaml:7:9 answer: missing key "en"/);
  });

  it('advises to split a long sentence citizens would read, as file:line:col, and still accepts the set', () => {
    const dir = join(tempDir(), 'dialogs');
    cpSync('dialogs', dir, { recursive: true });
    const long = 'Als u een aanvraag heeft gedaan en u wilt weten hoe het daarmee staat dan kunt u ons altijd bellen of mailen of langskomen op het gemeentehuis in het centrum van de stad.';
    writeFileSync(join(dir, 'intents', 'greeting.yaml'), `version: 1\nkind: intent\nid: greeting\nexamples:\n  nl: [hoi, hallo, goedemorgen, hey, dag]\n  en: [hi, hello, hey, hiya, howdy]\nanswer:\n  nl: "Hallo! ${long}"\n  en: Hello!\n`);
    const r = loket(['dialogs', 'validate', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/greeting\.yaml:8:7 plain language: a sentence of 33 words \("Als u een aanvraag/);
    expect(r.stdout).toMatch(/: OK \(1 piece\(s\) of advice above\)/);
    // The shipped set gets none.
    expect(loket(['dialogs', 'validate']).stderr).not.toContain('plain language');
  });

  it('refuses to serve on an invalid dialog set', () => {
    const r = loket(['serve'], { LOKET_DIALOGS: brokenDialogs(), PORT: '0', DATABASE_URL: 'sqlite::memory:' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('DIALOGS_INVALID');
    expect(r.stderr).toMatch(/greeting\.yaml:\d+:\d+/);
  });

  it('refuses to serve on a bad setting, naming it', () => {
    const r = loket(['serve'], { PORT: 'eighty' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('PORT');
  });

  it('refuses several workers on an in-memory store, and a worker count that is not a whole number', () => {
    const memory = loket(['serve'], { LOKET_WORKERS: '2', DATABASE_URL: 'sqlite::memory:' });
    expect(memory.status).toBe(1);
    expect(memory.stderr).toMatch(/LOKET_WORKERS: several workers share one database file/);
    const odd = loket(['serve'], { LOKET_WORKERS: 'two' });
    expect(odd.status).toBe(1);
    expect(odd.stderr).toContain('LOKET_WORKERS');
  });

  it('parses NDJSON from stdin in the CONTRACTS §3 format', () => {
    const r = loket(['parse'], {}, '{"text":"hoe staat het met zaak Z-2026-000123"}\nnot json\n');
    expect(r.status).toBe(0);
    const [first, second] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(first).toMatchObject({ lang: 'nl', intent: { name: 'case_status' }, entities: [{ type: 'case_number', value: 'Z-2026-000123' }], handoff: null });
    expect(second).toHaveProperty('error');
  });

  it('parses with the model cached beside the database, as the server does', async () => {
    // A stand-in model under the shipped dialogs' cache key, trained on "hallo" alone: the parse can
    // only say `greeting` for a case question if it read the model from <data>/nlu-cache.
    const data = join(tempDir(), 'data');
    const key = cacheKey(toTrainingData(loadDialogSet('dialogs')), MODEL_VERSION);
    const scratch = tempDir();
    await createRecognizer({ lexicons: [], intents: [{ id: 'greeting', examples: { nl: ['hallo', 'hoi'], en: ['hello'] } }, { id: 'none', examples: { nl: ['ja'], en: ['yes'] } }] }, { cacheDir: scratch });
    const [written] = readdirSync(scratch).filter((f) => f.endsWith('.json'));
    mkdirSync(join(data, 'nlu-cache'), { recursive: true });
    copyFileSync(join(scratch, written!), cacheFile(join(data, 'nlu-cache'), key));
    const { LOKET_NLU_CACHE: _shared, ...withoutCache } = env;
    const r = spawnSync(process.execPath, ['bin/loket.js', 'parse'], {
      env: { ...withoutCache, DATABASE_URL: `sqlite:${join(data, 'loket.db')}` }, input: '{"text":"hallo hoe staat het met zaak Z-2026-000123"}\n', encoding: 'utf8', timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).intent.name).toBe('greeting');
    expect(r.stderr).not.toMatch(/training/);
  });

  it('exports the training examples as NDJSON', () => {
    const r = loket(['nlu', 'export']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(500);
    expect(lines[0]).toEqual({ text: expect.any(String), lang: expect.stringMatching(/^(nl|en)$/), intent: expect.any(String) });
  });

  it('serves the demo and prints where the chat, the console and the login are', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['bin/loket.js', 'serve'], { env: { ...env, PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'loket.db')}` } });
    try {
      let out = '';
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up lines: ${out}`)), 60_000);
        child.stdout.on('data', (d) => {
          out += String(d);
          const m = /Web chat:\s+(http:\/\/\S+)\//.exec(out);
          if (m && out.includes('Demo login')) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      expect(out).toMatch(/Console:\s+http:\/\/\S+\/console/);
      expect(out).toMatch(/Demo login:\s+demo \/ \S{8,}/);
      const health = await fetch(`${base}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const ready = await (await fetch(`${base}/ready`)).json();
      expect(ready).toMatchObject({ status: 'ready', dialogVersion: expect.stringMatching(/^[0-9a-f]{12}$/) });
    } finally {
      child.kill('SIGTERM');
    }
  });
});
