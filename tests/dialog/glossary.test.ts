/** dialogs/glossary.yaml: "wat betekent welstandscommissie?" and "wie is dat?" after a status (src/dialog/glossary.ts). */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDialogSet, formatProblem, loadDialogSet } from '../../src/dialog/loader.ts';
import type { Entity } from '../../src/nlu/types.ts';
import { createDriver, parsed } from '../support/dialog-driver.ts';

const dialogs = loadDialogSet('dialogs');
const ctx = { dialogs, timeZone: 'Europe/Amsterdam' };
const e = (type: Entity['type'], value: string): Entity => ({ type, value, start: 0, end: value.length });

function told(caseNumber = 'Z-2026-000123', postcode = '1234 AB', birth = '1980-03-15') {
  const d = createDriver(ctx, { parse: (t) => parsed(t, 'none') });
  d.sayParsed(parsed('status', 'case_status', [e('case_number', caseNumber), e('postcode', postcode), e('date', birth)]));
  return d;
}

describe('the glossary', () => {
  it('explains a word the citizen asks about, as people write the question', () => {
    for (const [said, term, lang] of [
      ['en wat betekent welstandscommissie', 'welstandscommissie', 'nl'],
      ['wat is de welstandscomissie precies?', 'welstandscommissie', 'nl'],
      ['wat is een beschikking', 'besluit', 'nl'],
      ['wat houdt verdaging in?', 'verdaging', 'nl'],
      ['kwijtschelding?', 'kwijtschelding', 'nl'],
      ['who is the welstandscommissie', 'welstandscommissie', 'en'],
      ['what does toegekend mean', 'toegekend', 'en'],
      // English as people write it who learned it late.
      ['what means in behandeling', 'in_behandeling', 'en'],
      ['what is mean welstandscommissie', 'welstandscommissie', 'en'],
      ['what mean besluit genomen', 'besluit', 'en'],
      ['what does mean beschikking', 'besluit', 'en'],
      ['what is the meaning of toegekend', 'toegekend', 'en'],
    ] as const) {
      const d = told();
      const r = d.sayParsed({ ...parsed(said, 'none'), lang });
      expect({ said, step: r.replies[0]!.trace.step, dialog: r.replies[0]!.trace.dialog }).toEqual({ said, step: term, dialog: 'glossary' });
      expect(r.replies[0]!.trace.sources).toContainEqual({ kind: 'dialog', ref: 'dialogs/glossary.yaml' });
      expect(r.text).toBe(dialogs.glossary.find((t) => t.id === term)!.explain[lang]);
    }
  });

  it('explains the one word a longer message names and then asks "what is this" of, also beside the acknowledgement of a situation', () => {
    const newcomer = { reason: 'vulnerability' as const, evidence: 'i not understand' };
    const d = createDriver(ctx, { parse: (t) => parsed(t, 'none') });
    const said = 'hi i got letter from gemeente i not understand. it say something about "beschikking". what is this';
    const r = d.sayParsed({ ...parsed(said, 'none', [], 0.4), lang: 'en', handoff: newcomer, handoffs: [newcomer] });
    expect(r.replies.map((x) => x.trace.dialog)).toEqual(['handoff', 'glossary']);
    expect(r.replies[1]!.text).toBe(dialogs.glossary.find((t) => t.id === 'besluit')!.explain.en);
    expect(r.effects.map((x) => x.type)).toEqual(['handoff']);
    // Two words of the glossary: which one is meant is not clear.
    const two = createDriver(ctx, { parse: (t) => parsed(t, 'none') });
    expect(two.sayParsed(parsed('de brief gaat over een beschikking en verdaging. wat is dat?', 'none', [], 0.4)).replies[0]!.trace.dialog).not.toBe('glossary');
  });

  it('takes "wie is dat?" after a status to mean the body the status names, and keeps the status answerable', () => {
    const d = told();
    expect(d.sayParsed(parsed('wie is dat?', 'none')).text).toMatch(/^De welstandscommissie is een groep deskundigen/);
    expect(d.sayParsed(parsed('waarom?', 'none')).text).toMatch(/woordenlijst van Gemeente Voorbeeld.*Over uw eigen zaak zegt het niets/);
    expect(d.sayParsed(parsed('wat betekent dat', 'none')).text).toContain('Uiterlijk 15 januari 2027 krijgt u een brief');
    // A question after it is still about the case: the parking permit's own answer on the windscreen (the case's topic
    // is kept past the explanation; before, the topic was lost there and this got "I cannot answer that").
    const later = told('Z-2026-000124');
    later.sayParsed({ ...parsed('what does toegekend mean', 'none'), lang: 'en' });
    const windscreen = later.sayParsed({ ...parsed('do I need to put something behind the windshield', 'none', [], 0.2), lang: 'en' });
    expect(windscreen.replies[0]!.trace.step).toBe('pick_up');
    expect(windscreen.text).toMatch(/Your parking permit is digital/);
    // One it cannot place is still about the case.
    const other = told('Z-2026-000124');
    other.sayParsed({ ...parsed('what does toegekend mean', 'none'), lang: 'en' });
    expect(other.sayParsed({ ...parsed('may the neighbours object to it', 'none', [], 0.2), lang: 'en' }).replies[0]!.trace.step).toBe('fallback_after_case');
    // A status that names no body: no guess.
    const granted = told('Z-2026-000124');
    expect(granted.sayParsed(parsed('wie is dat?', 'none')).replies[0]!.trace.dialog).not.toBe('glossary');
  });

  it('leaves questions that only name a word to the answers they need', () => {
    for (const said of ['wat is het besluit?', 'ik wil bezwaar maken tegen het besluit', 'hoe lang duurt een omgevingsvergunning', 'wat is de termijn voor bezwaar', 'mijn kwijtschelding is afgewezen, wat kan ik doen']) {
      const d = told();
      expect({ said, dialog: d.sayParsed(parsed(said, 'none')).replies[0]!.trace.dialog }).not.toEqual({ said, dialog: 'glossary' });
    }
  });
});

describe('glossary files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('refuses a word given to two terms, and a term without an English explanation, with file:line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-dialogs-'));
    dirs.push(dir);
    cpSync('dialogs', dir, { recursive: true });
    writeFileSync(join(dir, 'more-words.yaml'), [
      'version: 1',
      'kind: glossary',
      'terms:',
      '  - id: dakkapel',
      '    words: [dakkapel, welstand]',
      '    explain: { nl: "Een raam in het dak.", en: "A window in the roof." }',
    ].join('\n'));
    writeFileSync(join(dir, 'no-english.yaml'), [
      'version: 1',
      'kind: glossary',
      'terms:',
      '  - id: erfpacht',
      '    words: [erfpacht]',
      '    explain: { nl: "Grond huren van de gemeente." }',
    ].join('\n'));
    const problems = checkDialogSet(dir).problems.map(formatProblem);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/more-words\.yaml:5:\d+ glossary: "welstand" is also a word of "welstandscommissie"/),
      expect.stringMatching(/no-english\.yaml:6:\d+ terms\.0\.explain: missing key "en"/),
    ]));
  });
});
