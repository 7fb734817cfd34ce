import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONTRACT_INTENTS } from './contract-intents.ts';
import { readHeldout } from './heldout.ts';
import { DIALOGS_DIR } from './helpers.ts';
import { analyze } from '../../src/nlu/analyze.ts';
import { HandoffDetector } from '../../src/nlu/handoff.ts';
import { compileLexicons, PHRASE_LISTS } from '../../src/nlu/lexicon.ts';

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

describe('lexicon phrases', () => {
  // `a|b` takes single words, so "naar de brug|het spoor" means "naar de (brug|het) spoor" and never
  // matches "naar de brug". An article beside a word that is no article or possessive is almost
  // always that slip; these groups mean it.
  const ARTICLES = new Set(['de', 'het', 'een', 'the', 'a', 'an']);
  const DETERMINERS = new Set([...ARTICLES, 'mijn', 'mn', "m'n", 'je', 'jouw', 'uw', 'zijn', "z'n", 'haar', 'ons', 'onze', 'hun', 'my', 'your', 'his', 'her', 'our', 'their', 'dit', 'dat', 'deze', 'die', 'this', 'that', 'these', 'those']);
  const MEANT = new Set(['een|één', 'werken|werk|studie|studeren|de|het|mijn|die|dat|roken|school', 'this|that|it|the|sending|filling|asking|having|doing', 'de|het|jullie|mij|mijzelf|hem|haar|gemeente']);

  it('have no alternatives that mix an article with other words (write two phrases instead)', () => {
    const slips: string[] = [];
    for (const [file, doc] of load('lexicons')) {
      for (const lang of ['nl', 'en']) {
        const lists = (doc[lang] ?? {}) as Record<string, unknown>;
        for (const list of PHRASE_LISTS) {
          for (const phrase of (lists[list] ?? []) as string[]) {
            for (const group of phrase.split(/\s+/).filter((w) => w.includes('|'))) {
              const options = group.split('|');
              if (options.some((o) => ARTICLES.has(o)) && options.some((o) => !DETERMINERS.has(o)) && !MEANT.has(group)) slips.push(`${file} ${lang}.${list}: ${phrase}`);
            }
          }
        }
      }
    }
    expect(slips).toEqual([]);
  });
});

describe('dialog lists', () => {
  it('repeat no entry within a list (a second copy only weighs an example double)', () => {
    const repeats: string[] = [];
    const check = (where: string, list: unknown) => {
      const seen = new Set<string>();
      for (const item of Array.isArray(list) ? list : []) {
        if (seen.has(item)) repeats.push(`${where}: ${item}`);
        seen.add(item);
      }
    };
    for (const [file, doc] of load('lexicons')) {
      for (const lang of ['nl', 'en']) for (const [key, list] of Object.entries((doc[lang] ?? {}) as Record<string, unknown>)) check(`${file} ${lang}.${key}`, list);
    }
    for (const [file, doc] of load('intents')) {
      for (const [lang, list] of Object.entries((doc.examples ?? {}) as Record<string, unknown>)) check(`${file} examples.${lang}`, list);
    }
    expect(repeats).toEqual([]);
  });

  // A phrase can be dead without anyone noticing: an `except` of its own lexicon that vetoes it
  // ("niet meer zo" vetoed "hoef niet meer zo nodig"), a comma it cannot cross ("great, the"), a
  // shorthand read otherwise in messages ("im|i'm"). Each phrase written as a message, with the first
  // and with the last of each word's alternatives, must show its own reason.
  it('each find their own reason in their own words', () => {
    const docs = load('lexicons');
    const detector = new HandoffDetector(compileLexicons(docs.map(([, d]) => d)));
    const dead: string[] = [];
    for (const [file, doc] of docs) {
      for (const lang of ['nl', 'en'] as const) {
        for (const phrase of (((doc[lang] ?? {}) as Record<string, unknown>).phrases ?? []) as string[]) {
          for (const pick of [0, -1]) {
            const text = phrase.trim().split(/\s+/).map((w) => w.split('|').at(pick)!.replace(/^=/, '').replace(/\*$/, '')).join(' ');
            const found = detector.detect(text, analyze(text, lang, null), lang).signals.map((x) => x.reason);
            if (!found.includes(doc.reason as never)) dead.push(`${file} ${lang}: "${phrase}" does not find ${String(doc.reason)} in "${text}" (found: ${found.join(', ') || 'nothing'})`);
          }
        }
      }
    }
    expect(dead).toEqual([]);
  });
});
