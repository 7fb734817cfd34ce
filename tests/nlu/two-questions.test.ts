/**
 * Two questions in one message ("wanneer zijn jullie open en hoe staat het met mijn aanvraag"): the
 * parse keeps the intent of the whole and names the second question in `also` (ALSO_THRESHOLD in
 * src/nlu/recognizer.ts), so the dialog can answer both. The sentences here are this file's own, not
 * training examples; the labelled sets hold one question per message, so `also` must stay rare there.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, isQuestion, splitQuestions } from '../../src/nlu/analyze.ts';
import type { Recognizer } from '../../src/nlu/types.ts';
import { toParseLine } from '../../src/cli/parse.ts';
import { readHeldout, type LabelledSet } from './heldout.ts';
import { sharedRecognizer } from './helpers.ts';

let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await sharedRecognizer();
});

const parts = (text: string): string[] => splitQuestions(analyze(text, 'nl', null), text).map((p) => text.slice(p[0]!.start, p.at(-1)!.end));

describe('splitQuestions', () => {
  it('splits sentences, and a sentence where a join is followed by a question word', () => {
    expect(parts('wanneer zijn jullie open en hoe staat het met mijn aanvraag')).toEqual(['wanneer zijn jullie open', 'hoe staat het met mijn aanvraag']);
    expect(parts('hoe staat het met mijn aanvraag? en wanneer zijn jullie open')).toEqual(['hoe staat het met mijn aanvraag', 'en wanneer zijn jullie open']);
    expect(parts('when are you open and how is my application doing')).toEqual(['when are you open', 'how is my application doing']);
    // "en ook wat …": neither join stays behind in the part before.
    expect(parts('ik wil weten wanneer mijn uitkering komt en ook wat ik moet meenemen')).toEqual(['ik wil weten wanneer mijn uitkering komt', 'wat ik moet meenemen']);
  });

  it('splits where a comma after a question is followed by a question word', () => {
    expect(parts('hoe laat zijn jullie open, wat kost een paspoort en hoe staat het met mijn aanvraag')).toEqual(['hoe laat zijn jullie open', 'wat kost een paspoort', 'hoe staat het met mijn aanvraag']);
    expect(parts('mijn loonstrook en bankafschriften, waar moet ik die heen sturen')).toEqual(['mijn loonstrook en bankafschriften, waar moet ik die heen sturen']);
    expect(parts('nou, wat kost een paspoort')).toEqual(['nou, wat kost een paspoort']);
  });

  it('leaves "en" between things alone, and keeps two words on each side of a split', () => {
    expect(parts('mijn loonstrook en bankafschriften, waar moet ik die heen sturen')).toEqual(['mijn loonstrook en bankafschriften, waar moet ik die heen sturen']);
    expect(parts('open en wat nu')).toEqual(['open en wat nu']);
  });

  it('reads a part as a question by its first word (after "en", "maar") or its question mark', () => {
    const question = (text: string) => isQuestion(analyze(text, 'nl', null), text);
    expect(question('en wanneer zijn jullie open')).toBe(true);
    expect(question('maar hoe staat het ermee')).toBe(true);
    expect(question('jullie zijn morgen open?')).toBe(true);
    expect(question('de kat is weg')).toBe(false);
    // After a greeting, asked as a wish to know, or after a comma.
    expect(question('hallo, wanneer zijn jullie open')).toBe(true);
    expect(question('ik wil graag weten of mijn aanvraag binnen is')).toBe(true);
    expect(question('ik ben verhuisd, hoe geef ik dat door')).toBe(true);
    expect(question('ik ben verhuisd, wat een gedoe was dat')).toBe(false);
    expect(question('hallo, ik ben verhuisd')).toBe(false);
  });
});

describe('a second question in one message', () => {
  const TWO: Array<[string, string, string]> = [
    ['wanneer zijn jullie open en hoe staat het met mijn aanvraag', 'case_status', 'contact_hours'],
    ['hoe staat het met mijn aanvraag? en wanneer zijn jullie open', 'case_status', 'contact_hours'],
    ['wnr zijn jullie open en hoe ver is mijn aanvraag', 'case_status', 'contact_hours'],
    ['ik ben verhuisd. hoe geef ik mijn nieuwe adres door? en wanneer wordt mijn uitkering betaald?', 'change_details', 'payment'],
    ['welke documenten moet ik opsturen? en wat is jullie adres?', 'documents', 'contact_hours'],
    ['how do i change my address? and when will my benefit be paid?', 'change_details', 'payment'],
    ['when will i get paid and how can i check the status of my application', 'case_status', 'payment'],
  ];

  it.each(TWO)('"%s": %s and also %s', (text, intent, also) => {
    const r = recognizer.parse(text);
    expect(r.intent.name).toBe(intent);
    expect(r.also?.name).toBe(also);
    expect(r.also!.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it('finds the case question in a part with a case number, however unsure the model is of so few words', () => {
    // The whole message leans to either question as the examples change; both must be found.
    const r = recognizer.parse('hoe staat het met Z-2026-000123 en wanneer zijn jullie open');
    expect([r.intent.name, r.also?.name].sort()).toEqual(['case_status', 'contact_hours']);
  });

  it('finds a second question after a greeting, or after a comma in a sentence that tells something first', () => {
    // The whole message leans to either question as the examples change; both must be found.
    for (const [text, both] of [
      ['Hello, when are you open on Monday and how do I object to a decision?', ['contact_hours', 'objection']],
      ['ik ben verhuisd, hoe geef ik dat door. en wanneer wordt de bijstand betaald', ['change_details', 'payment']],
      // Read without "hoi ik wil weten", which is too many words for so short a question.
      ['hoi ik wil weten wanneer mijn uitkering komt en ook wat ik moet meenemen voor mijn paspoort', ['documents', 'payment']],
    ] as const) {
      const r = recognizer.parse(text);
      expect({ text, both: [r.intent.name, r.also?.name].sort() }).toEqual({ text, both });
    }
  });

  it('names a third question and more in `more`, in the order asked, each with its place', () => {
    for (const text of ['hoe laat zijn jullie open, wat kost een paspoort en hoe staat het met Z-2026-000123?', 'what are your opening hours, how much is a passport and where do i send my payslips?']) {
      const r = recognizer.parse(text);
      const asked = [r.intent.name, r.also?.name, ...(r.more ?? []).map((m) => m.name)];
      expect({ text, asked: [...asked].sort() }).toEqual({ text, asked: text.startsWith('hoe') ? ['case_status', 'contact_hours', 'payment'] : ['contact_hours', 'documents', 'payment'] });
      const last = r.more!.at(-1)!;
      expect(text.slice(last.start, last.end)).toMatch(/^(hoe staat het met Z-2026-000123|where do i send my payslips)$/);
    }
    // Two questions: no `more`.
    expect(recognizer.parse('wanneer zijn jullie open en hoe staat het met mijn aanvraag').more).toBeUndefined();
  });

  it('says where in the message the second question is', () => {
    const text = 'wanneer zijn jullie open en hoe staat het met mijn aanvraag';
    const also = recognizer.parse(text).also!;
    expect(text.slice(also.start, also.end)).toBe(also.name === 'contact_hours' ? 'wanneer zijn jullie open' : 'hoe staat het met mijn aanvraag');
  });

  it('says which question came first', () => {
    expect(recognizer.parse('wanneer zijn jullie open en hoe staat het met mijn aanvraag').also?.before).toBe(true);
    expect(recognizer.parse('hoe staat het met mijn aanvraag? en wanneer zijn jullie open').also?.before).toBe(false);
  });

  it('is no second question: one question, a story around one, thanks, or a special situation', () => {
    for (const text of [
      'hoe staat het met mijn aanvraag',
      'wat zijn jullie openingstijden en jullie adres',
      'ik heb in maart een vergunning aangevraagd voor een dakkapel. de aannemer wil beginnen. wanneer krijg ik een besluit?',
      'hoe staat het met mijn aanvraag? bedankt alvast',
      'ik wil een medewerker spreken en wanneer zijn jullie open',
      'Hierbij maak ik bezwaar tegen het besluit van 3 juni (kenmerk Z-2026-000123). De gronden stuur ik later.',
    ]) expect(recognizer.parse(text).also, text).toBeUndefined();
  });

  it('finds a question behind a thanks or goodbye, and none in a thanks that asks nothing', () => {
    // The question is the second one beside the thanks, or the intent itself when the thanks is only politeness.
    for (const [text, asked] of [['ok dank je, en hoe lang duurt het nog?', 'case_status'], ['top bedankt, hoe lang duurt het nog', 'case_status'], ['thanks, and when do you open?', 'contact_hours']] as const) {
      const r = recognizer.parse(text);
      const read = r.intent.name === asked ? { intent: asked, also: undefined } : { intent: r.intent.name, also: r.also?.name };
      expect({ text, ...read }).toEqual({ text, intent: r.intent.name === asked ? asked : expect.stringMatching(/^(thanks|goodbye)$/), also: r.intent.name === asked ? undefined : asked });
    }
    for (const text of ['bedankt, tot ziens', 'thanks, that really helped!', 'dank je wel! doei', 'bedankt voor de snelle hulp, echt fijn']) expect(recognizer.parse(text).also, text).toBeUndefined();
  });

  it('is not part of the `loket parse` line', () => {
    const line = toParseLine(recognizer.parse('wanneer zijn jullie open en hoe staat het met mijn aanvraag'));
    expect(Object.keys(line)).toEqual(['text', 'lang', 'intent', 'entities', 'handoff']);
  });

  it('stays rare on the read labelled sets, where every message asks one thing (under 0.2 %)', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const sets = [...new Set(readdirSync(dir).filter((f) => f.endsWith('.ndjson') && !f.startsWith('sealed')).map((f) => f.replace(/\.(nl|en)\.ndjson$/, '')))];
    let messages = 0;
    let seconds = 0;
    for (const set of sets) {
      for (const lang of ['nl', 'en'] as const) {
        for (const item of readHeldout(lang, set as LabelledSet)) {
          messages++;
          if (recognizer.parse(item.text).also) seconds++;
        }
      }
    }
    console.log(`second question found in ${seconds} of ${messages} single-question messages`);
    expect(messages).toBeGreaterThan(10_000);
    expect(seconds / messages).toBeLessThan(0.002);
    // Over 15,000 parses: about 20 s on a quiet machine, over 30 s on a busy one.
  }, 120_000);
});
