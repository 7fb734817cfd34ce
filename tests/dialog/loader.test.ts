import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDialogSet, formatProblem, loadDialogSet, toTrainingData } from '../../src/dialog/loader.ts';
import { readTrainingData } from '../../src/nlu/index.ts';
import { cacheKey } from '../../src/nlu/cache.ts';
import { isLoketError } from '../../src/errors.ts';

const dirs: string[] = [];
function copyOfDialogs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loket-dialogs-'));
  cpSync('dialogs', dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const problemsOf = (dir: string) => checkDialogSet(dir).problems.map(formatProblem);

/** Writes lexicons/<id>.yaml, a distress lexicon with these lines after its header (line 5 on). */
function writeDistressLexicon(dir: string, id: string, lines: string[]): void {
  writeFileSync(join(dir, 'lexicons', `${id}.yaml`), ['version: 1', 'kind: lexicon', `id: ${id}`, 'reason: distress', ...lines].join('\n'));
}

describe('dialog loader', () => {
  it('loads the shipped dialogs with every contract intent and a content-hash version', () => {
    const set = loadDialogSet('dialogs');
    for (const id of ['case_status', 'documents', 'objection', 'complaint', 'change_details', 'payment', 'contact_hours', 'human', 'greeting', 'thanks', 'goodbye', 'none']) {
      expect(set.intents.has(id), id).toBe(true);
    }
    expect(set.version).toMatch(/^[0-9a-f]{12}$/);
    expect(loadDialogSet('dialogs').version).toBe(set.version);
  });

  it("gives the NLU the words of its own answers and messages, the same as readTrainingData (one model, one cache entry)", async () => {
    const fromSet = toTrainingData(loadDialogSet('dialogs'));
    const fromFiles = await readTrainingData('dialogs');
    expect(fromSet.words).toEqual(fromFiles.words);
    expect(fromSet.words).toEqual(expect.arrayContaining(['schade', 'verhalen', 'uitvaartondernemer', 'terugbellen']));
    expect(cacheKey(fromSet, 'v')).toBe(cacheKey(fromFiles, 'v'));
  });

  it('changes the version when any file changes', () => {
    const dir = copyOfDialogs();
    const before = loadDialogSet(dir).version;
    const file = join(dir, 'messages.yaml');
    writeFileSync(file, readFileSync(file, 'utf8') + '\n# edited\n');
    expect(loadDialogSet(dir).version).not.toBe(before);
  });

  it('reports a YAML syntax error as file:line:col', () => {
    const dir = copyOfDialogs();
    writeFileSync(join(dir, 'broken.yaml'), 'version: 1\nkind: messages\nmessages:\n  a.b: {nl: "x", en: "y"\n  c: [\n');
    const problems = problemsOf(dir);
    expect(problems.some((p) => /broken\.yaml:\d+:\d+ /.test(p))).toBe(true);
  });

  it("points at the line of desk hours it cannot read, and says how to write them", () => {
    const dir = copyOfDialogs();
    const file = join(dir, 'calendar.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('desk_hours:'));
    lines[at] = 'desk_hours: maandag tot vrijdag 9-5';
    writeFileSync(file, lines.join('\n'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/calendar\.yaml:\d+:13 /)]);
    expect(problemsOf(dir)[0]).toMatch(`calendar.yaml:${at + 1}:13 desk_hours: write the desk's days and times as "mon-fri 08:30-17:00" (several ranges with commas: "mon-thu 09:00-16:00, fri 09:00-12:00")`);
    lines[at] = 'desk_hours: mon-thu 09:00-16:00, fri 09:00-12:00';
    writeFileSync(file, lines.join('\n'));
    expect(loadDialogSet(dir).deskHours).toBe('mon-thu 09:00-16:00, fri 09:00-12:00');
  });

  it('points at the exact line of an unknown key and of a missing translation', () => {
    const dir = copyOfDialogs();
    writeFileSync(join(dir, 'extra.yaml'), [
      'version: 1',
      'kind: messages',
      'messages:',
      '  extra.one:',
      '    nl: "Hallo"',
      '    en: "Hello"',
      '    de: "Hallo"',
      '  extra.two:',
      '    nl: "Alleen Nederlands"',
    ].join('\n'));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/extra\.yaml:7:5 .*unknown key "de"/));
    expect(problems).toContainEqual(expect.stringMatching(/extra\.yaml:9:5 .*missing key "en"/));
  });

  it('refuses not_when in a distress lexicon, at its line, and nowhere else', () => {
    const dir = copyOfDialogs();
    writeDistressLexicon(dir, 'crisis_roles', [
      'nl:',
      '  phrases: [ik wil dood]',
      '  not_when: [ik werk bij 113]',
      'en:',
      '  phrases: [want to die]',
    ]);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/crisis_roles\.yaml:7:\d+ nl\.not_when: not allowed here: a crisis always counts/)]);
  });

  it('refuses a phrase word a message never shows as one word, at its line', () => {
    const dir = copyOfDialogs();
    writeDistressLexicon(dir, 'hyphen', [
      'nl:',
      '  phrases: [ik wil dood]',
      'en:',
      '  phrases:',
      '    - want to die',
      '    - self-harm|cutting',
    ]);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/hyphen\.yaml:10:7 en\.phrases: "self-harm" is never one word in a message .*write the words apart, e\.g\. "self harm"/)]);
  });

  it('refuses examples_asking under an id that is no intent, at its key, and names the ids there are', () => {
    const dir = copyOfDialogs();
    writeDistressLexicon(dir, 'asking_bad', [
      'nl:',
      '  phrases: [ik wil dood]',
      '  examples_asking:',
      '    payment:',
      '      - ik zie het niet meer zitten. wanneer wordt de bijstand gestort?',
      '    betaling:',
      '      - ik kan niet meer. is het geld al overgemaakt?',
      'en:',
      '  phrases: [want to die]',
    ]);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/asking_bad\.yaml:10:5 nl\.examples_asking: "betaling" is not an intent; use the id of one in intents\/ \(case_status, .*payment.*\)/)]);
  });

  it('gives a variant with same_as the other intent\'s answer and rule, and refuses one that names no variant with an answer', () => {
    const set = loadDialogSet('dialogs');
    const own = set.intents.get('change_details')!.variants!.find((v) => v.id === 'circumstances')!;
    const shared = set.intents.get('payment')!.variants!.find((v) => v.id === 'circumstances')!;
    expect(shared.answer).toEqual(own.answer);
    expect(shared.rule).toEqual(own.rule);

    const dir = copyOfDialogs();
    const file = join(dir, 'intents', 'payment.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('same_as: change_details/circumstances')) + 1;
    writeFileSync(file, text.replace('same_as: change_details/circumstances', 'same_as: change_details/lodger'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(new RegExp(`intents/payment\\.yaml:${line}:14 variants: same_as "change_details/lodger": intent "change_details" has no variant "lodger"; name a variant with an answer, as intent/variant$`))]);
    writeFileSync(file, text.replace('same_as: change_details/circumstances', 'same_as: wijzigen/circumstances'));
    expect(problemsOf(dir)).toEqual([expect.stringContaining('"wijzigen" is not an intent')]);
    writeFileSync(file, text.replace('    same_as: change_details/circumstances\n', ''));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/payment\.yaml:\d+:\d+ variants: "circumstances" needs either an "answer" or "same_as" .*not neither/)]);
  });

  it('refuses `otherwise` that names no variant, and `presumes` or `otherwise` alone, at file:line:col', () => {
    const dir = copyOfDialogs();
    const file = join(dir, 'intents', 'documents.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('otherwise: payment/id_travel_meanwhile')) + 1;
    writeFileSync(file, text.replace('otherwise: payment/id_travel_meanwhile', 'otherwise: payment/id_travel_later'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(new RegExp(`intents/documents\\.yaml:${line}:16 variants: otherwise "payment/id_travel_later": intent "payment" has no variant "id_travel_later"; name a variant, as intent/variant$`))]);
    writeFileSync(file, text.replace('    otherwise: payment/id_travel_meanwhile\n', ''));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/documents\.yaml:\d+:\d+ variants: "id_travel" has "presumes" without "otherwise"; give both/)]);
  });

  it('refuses a variant `within` a variant its intent does not have, or within itself, at file:line:col', () => {
    const dir = copyOfDialogs();
    const file = join(dir, 'intents', 'change_details.yaml');
    const text = readFileSync(file, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('within: address')) + 1;
    writeFileSync(file, text.replace('within: address', 'within: adres'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(new RegExp(`intents/change_details\\.yaml:${line}:13 variants: within "adres": name another variant of this intent that "from_country" is a narrower case of$`))]);
    writeFileSync(file, text.replace('within: address', 'within: from_country'));
    expect(problemsOf(dir)).toEqual([expect.stringContaining('within "from_country"')]);
  });

  it('refuses a variant that is both ours_only and other_body, at file:line:col', () => {
    const dir = copyOfDialogs();
    const file = join(dir, 'intents', 'payment.yaml');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('    ours_only: true\n');
    expect(at).toBeGreaterThan(0);
    const line = text.slice(0, at).split('\n').length;
    writeFileSync(file, text.slice(0, at) + '    ours_only: true\n    other_body: true\n' + text.slice(at + '    ours_only: true\n'.length));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(new RegExp(`intents/payment\\.yaml:${line}:16 variants: "paying_us" has both ours_only and other_body; .*keep one$`))]);
  });

  it('takes a list for `within`, and names each entry the intent does not have', () => {
    const dir = copyOfDialogs();
    const file = join(dir, 'intents', 'payment.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('within: [instalments, paying_us]');
    expect(problemsOf(dir)).toEqual([]);
    writeFileSync(file, text.replace('within: [instalments, paying_us]', 'within: [instalments, paying_them]'));
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/payment\.yaml:\d+:\d+ variants: within "paying_them": name another variant of this intent that "repayment" is a narrower case of$/)]);
    writeFileSync(file, text.replace('within: [instalments, paying_us]', 'within: []'));
    expect(problemsOf(dir)).toEqual(expect.arrayContaining([expect.stringMatching(/intents\/payment\.yaml:\d+:\d+ .*within/)]));
  });

  it('refuses an examples_asking list that is not a list of one-line messages', () => {
    const dir = copyOfDialogs();
    writeDistressLexicon(dir, 'asking_shape', [
      'nl:',
      '  phrases: [ik wil dood]',
      '  examples_asking:',
      '    payment: ik kan niet meer',
      'en:',
      '  phrases: [want to die]',
    ]);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/asking_shape\.yaml:8:14 nl\.examples_asking\.payment: must be array/)]);
  });

  it('checks the phrases inside `together` groups too, at their line', () => {
    const dir = copyOfDialogs();
    writeDistressLexicon(dir, 'together_bad', [
      'nl:',
      '  phrases: [ik wil dood]',
      '  together:',
      '    - - [begrafenis]',
      '      - [het gaat om mij, e-mail]',
      'en:',
      '  phrases: [want to die]',
    ]);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/together_bad\.yaml:9:27 nl\.together: "e-mail" is never one word in a message/)]);
  });

  it('checks the phrases of `in_the_past` and `well_now` too, at their line', () => {
    const dir = copyOfDialogs();
    writeDistressLexicon(dir, 'over_bad', [
      'nl:',
      '  phrases: [ik wil dood]',
      '  in_the_past: [jaar geleden]',
      '  well_now:',
      '    - gaat nu goed',
      '    - ex-partner weg',
      'en:',
      '  phrases: [want to die]',
    ]);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/over_bad\.yaml:10:7 nl\.well_now: "ex-partner" is never one word in a message/)]);
  });

  it('refuses a `together` group of one part', () => {
    const dir = copyOfDialogs();
    writeDistressLexicon(dir, 'together_one', [
      'nl:',
      '  phrases: [ik wil dood]',
      'en:',
      '  phrases: [want to die]',
      '  together:',
      '    - - [funeral]',
    ]);
    expect(problemsOf(dir)).toEqual([expect.stringMatching(/together_one\.yaml:10:7 en\.together\.0: must NOT have fewer than 2 items/)]);
  });

  it('refuses an intent with both an answer and a flow, and a duplicated intent id', () => {
    const dir = copyOfDialogs();
    const src = readFileSync(join(dir, 'intents', 'greeting.yaml'), 'utf8');
    writeFileSync(join(dir, 'intents', 'greeting-copy.yaml'), src);
    writeFileSync(join(dir, 'intents', 'thanks.yaml'), readFileSync(join(dir, 'intents', 'thanks.yaml'), 'utf8') + '\nflow: case_status\n');
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/greeting(-copy)?\.yaml:\d+:\d+ intent "greeting" is defined twice/));
    expect(problems).toContainEqual(expect.stringMatching(/thanks\.yaml:\d+:\d+ give exactly one of "answer", "flow" or "handoff"/));
  });

  it('gives a variant with same_as and no words of its own the words of the variant it names; any other variant needs words', () => {
    const set = loadDialogSet('dialogs');
    const papers = set.intents.get('documents')!.variants!.find((v) => v.id === 'civil_record')!;
    const fallback = set.intents.get('none')!.variants!.find((v) => v.id === 'civil_record')!;
    expect(fallback.when).toEqual(papers.when);
    expect(fallback.when).toContain('geboorteakte');
    expect(fallback.answer).toEqual(papers.answer);

    const dir = copyOfDialogs();
    const variant = ['  - id: nameless', '    answer:', '      nl: Tekst.', '      en: Text.'];
    writeFileSync(join(dir, 'intents', 'thanks.yaml'), [readFileSync(join(dir, 'intents', 'thanks.yaml'), 'utf8').trimEnd(), 'variants:', ...variant].join('\n') + '\n');
    expect(problemsOf(dir)).toContainEqual(expect.stringMatching(/thanks\.yaml:\d+:\d+ .*"nameless" needs "when" \(the words that name its topic\); only a variant with "same_as" may leave them out/));
  });

  it('refuses variants on an intent without an answer, a variant id used twice, and a variant without words', () => {
    const dir = copyOfDialogs();
    const variant = (id: string, when = '[paspoort]') => [`  - id: ${id}`, `    when: ${when}`, '    answer:', '      nl: Tekst.', '      en: Text.'];
    writeFileSync(join(dir, 'intents', 'human.yaml'), [readFileSync(join(dir, 'intents', 'human.yaml'), 'utf8').trimEnd(), 'variants:', ...variant('callback')].join('\n') + '\n');
    writeFileSync(join(dir, 'intents', 'thanks.yaml'), [readFileSync(join(dir, 'intents', 'thanks.yaml'), 'utf8').trimEnd(), 'variants:', ...variant('a'), ...variant('a')].join('\n') + '\n');
    writeFileSync(join(dir, 'intents', 'goodbye.yaml'), [readFileSync(join(dir, 'intents', 'goodbye.yaml'), 'utf8').trimEnd(), 'variants:', ...variant('b', '[]')].join('\n') + '\n');
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/human\.yaml:\d+:\d+ variants: only an intent with an "answer" can have variants \(this one has "handoff"\)/));
    expect(problems).toContainEqual(expect.stringMatching(/thanks\.yaml:\d+:\d+ variants: "a" is used twice in this intent/));
    expect(problems).toContainEqual(expect.stringMatching(/goodbye\.yaml:\d+:\d+ variants\.0\.when: must NOT have fewer than 1 items/));
  });

  it('refuses a set that misses a contract intent or a text the runtime needs', () => {
    const dir = copyOfDialogs();
    rmSync(join(dir, 'intents', 'payment.yaml'));
    rmSync(join(dir, 'flows', 'case_status.yaml'));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual(expect.stringContaining('intent "payment" is missing'));
    expect(problems).toContainEqual(expect.stringContaining('message "case.ask_number" is missing'));
  });

  it('throws DIALOGS_INVALID with every problem listed', () => {
    const dir = copyOfDialogs();
    writeFileSync(join(dir, 'odd.yaml'), 'version: 2\nkind: nonsense\n');
    try {
      loadDialogSet(dir);
      expect.unreachable();
    } catch (err) {
      expect(isLoketError(err, 'DIALOGS_INVALID')).toBe(true);
      expect((err as Error).message).toMatch(/odd\.yaml:2:7 "kind" must be one of/);
    }
  });
});
