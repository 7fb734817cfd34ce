import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runParse } from '../../src/cli/parse.ts';
import { runNluExport } from '../../src/cli/nlu-export.ts';
import { intentExamples } from '../../src/nlu/index.ts';
import { sharedRecognizer, trainingData } from './helpers.ts';

async function run(input: string): Promise<{ code: number; lines: Array<Record<string, unknown>> }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await runParse(await sharedRecognizer(), Readable.from([input]), out);
  const text = Buffer.concat(chunks).toString('utf8');
  return { code, lines: text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('loket parse', () => {
  it('writes one CONTRACTS §3 line per input line, in order', async () => {
    const { code, lines } = await run(
      ['{"text": "hoe staat het met Z-2026-000123", "lang": "nl"}', '{"text": "when do I get my money"}', '{"text": "mijn man is overleden"}'].join('\n'),
    );
    expect(code).toBe(0);
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0]!)).toEqual(['text', 'lang', 'intent', 'entities', 'handoff']);
    expect(lines[0]).toMatchObject({
      text: 'hoe staat het met Z-2026-000123',
      lang: 'nl',
      intent: { name: 'case_status' },
      entities: [{ type: 'case_number', value: 'Z-2026-000123', start: 18, end: 31 }],
      handoff: null,
    });
    expect(lines[1]).toMatchObject({ lang: 'en', intent: { name: 'payment' } });
    expect(lines[2]!.handoff).toEqual({ reason: 'bereavement', evidence: 'mijn man is overleden' });
  });

  it('answers a bad line with an error line and goes on', async () => {
    const { code, lines } = await run(['{"text": "hallo"}', 'this is not json', '{"txt": "no text"}', '[1,2]', '{"text": "doei"}'].join('\n'));
    expect(code).toBe(0);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({ intent: { name: 'greeting' } });
    for (const i of [1, 2, 3]) expect(typeof lines[i]!.error).toBe('string');
    expect(lines[4]).toMatchObject({ intent: { name: 'goodbye' } });
  });

  it('skips blank lines and copes with CRLF and no final newline', async () => {
    const { lines } = await run('\n{"text": "bedankt"}\r\n\r\n   \n{"text": "hallo"}');
    expect(lines.map((l) => (l.intent as { name: string }).name)).toEqual(['thanks', 'greeting']);
  });

  it('keeps the order of many lines', async () => {
    const input = Array.from({ length: 300 }, (_, i) => JSON.stringify({ text: `bericht ${i}` })).join('\n');
    const { lines } = await run(input);
    expect(lines.map((l) => l.text)).toEqual(Array.from({ length: 300 }, (_, i) => `bericht ${i}`));
  });

  it('returns 1 when the input cannot be read', async () => {
    const input = new Readable({
      read() {
        this.destroy(new Error('EIO'));
      },
    });
    expect(await runParse(await sharedRecognizer(), input, new PassThrough())).toBe(1);
  });
});

describe('loket nlu-export', () => {
  it('prints every training example as {text, lang, intent}', async () => {
    const data = await trainingData();
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    expect(runNluExport(data, out)).toBe(0);
    const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; lang: string; intent: string });
    const total = data.intents.reduce((n, i) => n + i.examples.nl.length + i.examples.en.length, 0);
    // The intents' own examples, then the crises that also ask something (examples_asking in distress.yaml).
    const asking = lines.slice(total);
    expect(asking.length).toBeGreaterThan(300);
    expect(new Set(asking.map((l) => l.intent))).toContain('payment');
    expect(lines).toHaveLength(intentExamples(data).length);
    expect(lines[0]).toEqual({ text: expect.any(String), lang: expect.stringMatching(/^(nl|en)$/), intent: expect.any(String) });
  });
});
