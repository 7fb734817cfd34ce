import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONTRACT_INTENTS } from './contract-intents.ts';
import { readHeldout } from './heldout.ts';
import { DIALOGS_DIR } from './helpers.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const load = (dir: string): Array<[string, Record<string, unknown>]> =>
  readdirSync(join(DIALOGS_DIR, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [f, parse(readFileSync(join(DIALOGS_DIR, dir, f), 'utf8')) as Record<string, unknown>]);
const schema = (name: string): object => JSON.parse(readFileSync(join(DIALOGS_DIR, 'schema', name), 'utf8')) as object;

describe('intent files', () => {
  const validate = ajv.compile(schema('intent.schema.json'));
  const intents = load('intents');

  it.each(intents)('%s follows intent.schema.json', (_file, doc) => {
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });

  it('cover every intent id of CONTRACTS §1, one file each', () => {
    expect(intents.map(([, d]) => d.id).sort()).toEqual([...CONTRACT_INTENTS].sort());
    for (const [file, d] of intents) expect(file).toBe(`${String(d.id)}.yaml`);
  });

  it.each(intents)('%s has at least 60 Dutch and 30 English examples', (_file, doc) => {
    const ex = doc.examples as { nl: string[]; en: string[] };
    expect(ex.nl.length).toBeGreaterThanOrEqual(60);
    expect(ex.en.length).toBeGreaterThanOrEqual(30);
  });

  it.each(intents)('%s has a rule in both languages', (_file, doc) => {
    expect(doc.rule).toEqual({ nl: expect.any(String), en: expect.any(String) });
  });

  it('share no sentence with the held-out set', () => {
    const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const training = new Set(intents.flatMap(([, d]) => Object.values(d.examples as Record<string, string[]>).flat().map(norm)));
    const heldout = [...readHeldout('nl'), ...readHeldout('en')].filter((i) => i.text.split(/\s+/).length > 1);
    expect(heldout.filter((i) => training.has(norm(i.text))).map((i) => i.text)).toEqual([]);
  });
});

describe('lexicon files', () => {
  const validate = ajv.compile(schema('lexicon.schema.json'));
  const lexicons = load('lexicons');

  it.each(lexicons)('%s follows lexicon.schema.json', (_file, doc) => {
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc).toMatchObject({ version: 1, kind: 'lexicon' });
  });

  it('cover every reason a single message can show (a reason may have more than one: domestic_violence is distress)', () => {
    expect([...new Set(lexicons.map(([, d]) => d.reason))].sort()).toEqual(
      ['bereavement', 'complaint', 'distress', 'explicit_request', 'financial_hardship', 'frustration', 'vulnerability'].sort(),
    );
  });
});
