/**
 * Loads the dialogs folder: every *.yaml file, checked against the JSON Schema of its `kind`
 * (dialogs/schema/<kind>.schema.json), with every problem reported as `file:line:col message`.
 * An invalid set is refused whole: the server does not start on it.
 */
import { DEFAULT_OFFICE_HOURS, parseOfficeHours } from '../handoff/office-hours.ts';
import { withOfficeHours } from './office-hours-text.ts';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from 'yaml';
import { LoketError } from '../errors.ts';
import { groups, PHRASE_LISTS, unmatchableAlternatives } from '../nlu/lexicon.ts';
import type { NluTrainingData } from '../nlu/types.ts';
import { ownWords } from '../nlu/training-data.ts';
import { REQUIRED_INTENTS, REQUIRED_TEXTS } from './required.ts';
import { longSentences, MAX_SENTENCE_WORDS } from './plain-language.ts';
import type { AnswerVariant, DialogSet, GlossaryTerm, IntentDef, Texts } from './types.ts';

export interface DialogProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export const formatProblem = (p: DialogProblem): string => `${p.file}:${p.line}:${p.col} ${p.message}`;

const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../dialogs/schema');
const KINDS = ['intent', 'lexicon', 'messages', 'routing', 'calendar', 'glossary'] as const;
type Kind = (typeof KINDS)[number];

let validators: Map<Kind, ValidateFunction> | undefined;
function getValidators(): Map<Kind, ValidateFunction> {
  if (validators) return validators;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  validators = new Map(KINDS.map((k) => [k, ajv.compile(JSON.parse(readFileSync(join(SCHEMA_DIR, `${k}.schema.json`), 'utf8')))]));
  return validators;
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'schema' && name !== 'tests' && !name.startsWith('.')) out.push(...listYaml(full));
    } else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

interface ParsedFile {
  file: string;
  kind: Kind;
  data: Record<string, unknown>;
  doc: Document;
  lc: LineCounter;
}

/** Position of the key `key` inside the mapping at `path` (for "unknown key" problems). */
function keyPositionOf(doc: Document, lc: LineCounter, path: string[], key: string): { line: number; col: number } {
  const map = doc.getIn(path, true);
  if (isMap(map)) {
    const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
    if (pair && isNode(pair.key) && pair.key.range) return lc.linePos(pair.key.range[0]);
  }
  return positionOf(doc, lc, path);
}

/** Position of the YAML node at a JSON pointer path (from Ajv), or of its nearest parent. */
function positionOf(doc: Document, lc: LineCounter, path: string[]): { line: number; col: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]);
  }
  return { line: 1, col: 1 };
}

/** The `$comment` nearest to the failing keyword along its schema path: why the schema refuses it. */
function commentFor(schema: unknown, schemaPath: string): string | undefined {
  let node = schema as Record<string, unknown> | undefined;
  let comment = typeof node?.$comment === 'string' ? node.$comment : undefined;
  for (const seg of schemaPath.split('/').slice(1, -1)) {
    node = node?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown> | undefined;
    if (typeof node?.$comment === 'string') comment = node.$comment;
  }
  return comment;
}

function describe(e: ErrorObject, schema: unknown): string {
  const where = e.instancePath ? `${e.instancePath.slice(1).replace(/\//g, '.')}: ` : '';
  if (e.keyword === 'additionalProperties') return `${where}unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'required') return `${where}missing key "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === 'enum') return `${where}must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'oneOf') return `${where}give exactly one of "answer", "flow" or "handoff"`;
  if (e.keyword === 'pattern') {
    const how = commentFor(schema, e.schemaPath);
    if (how) return `${where}${how}`;
  }
  if (e.keyword === 'false schema') {
    const why = commentFor(schema, e.schemaPath);
    return `${where}not allowed here${why ? `: ${why}` : ''}`;
  }
  return `${where}${e.message ?? 'is not valid'}`;
}

function parseFile(file: string, shown: string, problems: DialogProblem[]): ParsedFile | null {
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const { line, col } = lc.linePos(err.pos[0]);
      problems.push({ file: shown, line, col, message: err.message.split('\n')[0]! });
    }
    return null;
  }
  const data = doc.toJS() as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file: shown, line: 1, col: 1, message: 'the file must be a mapping with "version" and "kind"' });
    return null;
  }
  const kind = (data as { kind?: unknown }).kind;
  if (!KINDS.includes(kind as Kind)) {
    const { line, col } = positionOf(doc, lc, ['kind']);
    problems.push({ file: shown, line, col, message: `"kind" must be one of ${KINDS.join(', ')}` });
    return null;
  }
  const validate = getValidators().get(kind as Kind)!;
  if (!validate(data)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      // oneOf reports its branches' errors too; the oneOf line alone says what to fix.
      if (e.schemaPath.includes('/oneOf/')) continue;
      // if/then reports "must match then" besides the key it refuses; the key's line says it.
      if (e.keyword === 'if') continue;
      const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
      const { line, col } = extra !== undefined ? keyPositionOf(doc, lc, path, extra) : positionOf(doc, lc, path);
      const message = describe(e, validate.schema);
      if (!seen.has(message)) problems.push({ file: shown, line, col, message });
      seen.add(message);
    }
    return null;
  }
  return { file: shown, kind: kind as Kind, data: data as Record<string, unknown>, doc, lc };
}

/** Reads and checks a dialogs folder. Throws DIALOGS_INVALID listing every problem. */
export function loadDialogSet(dir: string, officeHours: string = DEFAULT_OFFICE_HOURS): DialogSet {
  const { set, problems } = checkDialogSet(dir);
  if (problems.length > 0 || !set) {
    throw new LoketError('DIALOGS_INVALID', [dir, problems.map(formatProblem).join('\n')]);
  }
  // `{office_hours}` in the texts: the week of LOKET_OFFICE_HOURS in words (the time zone plays no part in it).
  return withOfficeHours(set, parseOfficeHours(officeHours, 'UTC', set.holidays));
}

/** Like loadDialogSet, but returns the problems instead of throwing (for `loket dialogs validate`). */
export function checkDialogSet(dir: string): { set: DialogSet | null; problems: DialogProblem[]; advice: DialogProblem[] } {
  const root = resolve(dir);
  const problems: DialogProblem[] = [];
  let files: string[];
  try {
    files = listYaml(root);
  } catch (err) {
    return { set: null, problems: [{ file: dir, line: 1, col: 1, message: `cannot read the dialogs folder: ${(err as Error).message}` }], advice: [] };
  }
  const hash = createHash('sha256');
  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    const p = parseFile(file, shown, problems);
    if (p) parsed.push(p);
  }
  // Before anything below fills in or copies texts: the same list readTrainingData makes from the files.
  const words = ownWords(parsed.map((p) => p.data));

  const intents = new Map<string, IntentDef>();
  const texts = new Map<string, Texts>();
  const lexicons: unknown[] = [];
  const holidays: string[] = [];
  const holidayNames: DialogSet['holidayNames'] = {};
  let deskHours: string | undefined;
  const glossary: GlossaryTerm[] = [];
  const routing: DialogSet['routing'] = { defaultTeam: 'algemeen', byCaseType: {}, byIntent: {}, byReason: {} };
  const at = (p: ParsedFile, path: string[]) => ({ file: p.file, ...positionOf(p.doc, p.lc, path) });
  // What citizens read: short sentences (plain-language.ts). Advice, not a problem.
  const advice: DialogProblem[] = [];
  const readable = (p: ParsedFile, path: string[], texts: Texts | undefined) => {
    for (const lang of ['nl', 'en'] as const) {
      for (const { words, sentence } of longSentences(texts?.[lang] ?? '')) {
        const shown = sentence.length > 60 ? `${sentence.slice(0, 57)}…` : sentence;
        advice.push({ ...at(p, [...path, lang]), message: `plain language: a sentence of ${words} words ("${shown}"); citizens read short sentences (at most ${MAX_SENTENCE_WORDS} words): split it` });
      }
    }
  };
  // `examples_asking` names intents that may be defined in a file read later: checked after the loop.
  const asking: Array<{ p: ParsedFile; path: string[]; intent: string }> = [];
  // So may a variant's `same_as`: resolved after the loop too.
  const sameAs: Array<{ p: ParsedFile; path: string[]; variant: AnswerVariant }> = [];
  const otherwise: Array<{ p: ParsedFile; path: string[]; variant: AnswerVariant }> = [];
  const hows: Array<{ p: ParsedFile; path: string[]; ref: string }> = [];

  for (const p of parsed) {
    if (p.kind === 'intent') {
      const d = p.data as unknown as Omit<IntentDef, 'file'>;
      if (intents.has(d.id)) problems.push({ ...at(p, ['id']), message: `intent "${d.id}" is defined twice (also in ${intents.get(d.id)!.file})` });
      else intents.set(d.id, { ...d, file: p.file });
      readable(p, ['answer'], d.answer);
      d.variants?.forEach((v, i) => readable(p, ['variants', String(i), 'answer'], v.answer));
      readable(p, ['next_step'], d.next_step);
      d.variants?.forEach((v, i) => readable(p, ['variants', String(i), 'next_step'], v.next_step));
      d.variants?.forEach((v, i) => readable(p, ['variants', String(i), 'speed_up'], v.speed_up));
      const seen = new Set<string>();
      if (d.variants?.length && !d.answer) problems.push({ ...at(p, ['variants']), message: `variants: only an intent with an "answer" can have variants (this one has ${d.flow ? '"flow"' : '"handoff"'})` });
      else d.variants?.forEach((v, i) => {
        if (seen.has(v.id)) problems.push({ ...at(p, ['variants', String(i), 'id']), message: `variants: "${v.id}" is used twice in this intent; give each variant its own id` });
        seen.add(v.id);
        if (v.when === undefined && v.same_as === undefined) {
          problems.push({ ...at(p, ['variants', String(i)]), message: `variants: "${v.id}" needs "when" (the words that name its topic); only a variant with "same_as" may leave them out and use those of the variant it names` });
        }
        if ((v.answer === undefined) === (v.same_as === undefined)) {
          problems.push({ ...at(p, ['variants', String(i)]), message: `variants: "${v.id}" needs either an "answer" or "same_as" (another intent's variant, as intent/variant), not ${v.answer ? 'both' : 'neither'}` });
        } else if (v.same_as) sameAs.push({ p, path: ['variants', String(i), 'same_as'], variant: v });
        if ((v.presumes === undefined) !== (v.otherwise === undefined)) {
          problems.push({ ...at(p, ['variants', String(i), v.presumes ? 'presumes' : 'otherwise']), message: `variants: "${v.id}" has ${v.presumes ? '"presumes" without "otherwise"' : '"otherwise" without "presumes"'}; give both: the words of the fact it takes as given, and the intent/variant that answers when nobody said it` });
        } else if (v.otherwise) otherwise.push({ p, path: ['variants', String(i), 'otherwise'], variant: v });
        if (v.ours_only && v.other_body) {
          problems.push({ ...at(p, ['variants', String(i), 'ours_only']), message: `variants: "${v.id}" has both ours_only and other_body; a topic is either the municipality's own or another body's, keep one` });
        }
        const within: unknown = v.within;
        if (typeof within === 'string') v.within = [within];
        for (const w of v.within ?? []) {
          if (w === v.id || !d.variants!.some((o) => o.id === w)) {
            problems.push({ ...at(p, ['variants', String(i), 'within']), message: `variants: within "${w}": name another variant of this intent that "${v.id}" is a narrower case of` });
          }
        }
      });
    } else if (p.kind === 'messages') {
      for (const [key, value] of Object.entries(p.data.messages as Record<string, Texts>)) {
        if (texts.has(key)) problems.push({ ...at(p, ['messages', key]), message: `message "${key}" is defined twice` });
        else texts.set(key, value);
        readable(p, ['messages', key], value);
      }
    } else if (p.kind === 'lexicon') {
      lexicons.push(p.data);
      const checkPhrase = (phrase: unknown, path: string[]) => {
        for (const { alternative, words } of typeof phrase === 'string' ? unmatchableAlternatives(phrase) : []) {
          const fix = words === '' ? 'it holds no word at all (two phrases on one line?)' : `write the words apart, e.g. "${words}"`;
          problems.push({ ...at(p, path), message: `${path.slice(0, 2).join('.')}: "${alternative}" is never one word in a message (it is split at hyphens, spaces and other marks); ${fix}` });
        }
      };
      for (const lang of ['nl', 'en']) {
        const lists = (p.data[lang] ?? {}) as Record<string, unknown>;
        for (const list of PHRASE_LISTS) {
          (Array.isArray(lists[list]) ? (lists[list] as unknown[]) : []).forEach((phrase, i) => {
            checkPhrase(phrase, [lang, list, String(i)]);
          });
        }
        for (const intent of Object.keys((lists.examples_asking ?? {}) as Record<string, unknown>)) asking.push({ p, path: [lang, 'examples_asking', intent], intent });
        groups(lists.together).forEach((group, g) => group.forEach((part, k) => {
          (Array.isArray(part) ? part : []).forEach((phrase, i) => checkPhrase(phrase, [lang, 'together', String(g), String(k), String(i)]));
        }));
      }
    } else if (p.kind === 'routing') {
      Object.assign(routing, p.data);
    } else if (p.kind === 'glossary') {
      (p.data.terms as GlossaryTerm[]).forEach((term, i) => {
        if (glossary.some((t) => t.id === term.id)) problems.push({ ...at(p, ['terms', String(i), 'id']), message: `glossary: term "${term.id}" is defined twice; give each term its own id` });
        term.words.forEach((word, k) => {
          const other = glossary.find((t) => t.words.includes(word));
          if (other) problems.push({ ...at(p, ['terms', String(i), 'words', String(k)]), message: `glossary: "${word}" is also a word of "${other.id}"; a word can explain only one term` });
        });
        glossary.push(term);
        readable(p, ['terms', String(i), 'explain'], term.explain);
        if (term.how_much) readable(p, ['terms', String(i), 'how_much'], term.how_much);
        for (const key of ['how', 'find'] as const) if (term[key]) hows.push({ p, path: ['terms', String(i), key], ref: term[key] });
      });
    } else if (p.kind === 'calendar') {
      if (typeof p.data.desk_hours === 'string') deskHours = p.data.desk_hours.trim();
      for (const h of p.data.holidays as Array<{ date: string; name: string; en?: string }>) {
        holidays.push(h.date);
        holidayNames[h.date] = h.en ? { nl: h.name, en: h.en } : { nl: h.name };
      }
    }
  }
  for (const { p, path, variant } of sameAs) {
    const [intentId, variantId] = variant.same_as!.split('/') as [string, string];
    const target = intents.get(intentId)?.variants?.find((v) => v.id === variantId);
    if (!target?.answer) {
      const why = !intents.has(intentId) ? `"${intentId}" is not an intent` : !target ? `intent "${intentId}" has no variant "${variantId}"` : `"${variant.same_as}" has no answer of its own`;
      problems.push({ ...at(p, path), message: `variants: same_as "${variant.same_as}": ${why}; name a variant with an answer, as intent/variant` });
      continue;
    }
    variant.answer = target.answer;
    // Without words of its own, the words of the variant it answers as: one list to keep up.
    if (variant.when === undefined) variant.when = target.when;
    const rule = variant.rule ?? target.rule ?? intents.get(intentId)!.rule;
    if (rule) variant.rule = rule;
  }
  for (const { p, path, variant } of otherwise) {
    const [intentId, variantId] = variant.otherwise!.split('/') as [string, string];
    const target = intents.get(intentId)?.variants?.find((v) => v.id === variantId);
    if (!target) {
      const why = !intents.has(intentId) ? `"${intentId}" is not an intent` : `intent "${intentId}" has no variant "${variantId}"`;
      problems.push({ ...at(p, path), message: `variants: otherwise "${variant.otherwise}": ${why}; name a variant, as intent/variant` });
    }
  }
  for (const { p, path, ref } of hows) {
    const [intentId, variantId] = ref.split('/') as [string, string];
    const known = intentId === 'glossary' ? glossary.some((t) => t.id === variantId) : !!intents.get(intentId)?.variants?.find((v) => v.id === variantId)?.answer;
    if (!known) problems.push({ ...at(p, path), message: `glossary: ${path.at(-1)} "${ref}" is not a variant with an answer nor a term; name one, as intent/variant or glossary/term` });
  }
  for (const { p, path, intent } of asking) {
    if (!intents.has(intent)) {
      const pos = keyPositionOf(p.doc, p.lc, path.slice(0, -1), intent);
      problems.push({ file: p.file, ...pos, message: `${path.slice(0, 2).join('.')}: "${intent}" is not an intent; use the id of one in intents/ (${[...intents.keys()].sort().join(', ')})` });
    }
  }
  if (parsed.length > 0 || files.length > 0) {
    for (const id of REQUIRED_INTENTS) {
      if (!intents.has(id)) problems.push({ file: relative(process.cwd(), root) || root, line: 1, col: 1, message: `intent "${id}" is missing (CONTRACTS.md §1 ids must exist)` });
    }
    for (const key of REQUIRED_TEXTS) {
      if (!texts.has(key)) problems.push({ file: relative(process.cwd(), root) || root, line: 1, col: 1, message: `message "${key}" is missing (the runtime needs it)` });
    }
    const none = intents.get('none');
    if (none && !none.answer) problems.push({ file: none.file, line: 1, col: 1, message: 'intent "none" needs an "answer" (the fallback)' });
  } else {
    problems.push({ file: dir, line: 1, col: 1, message: 'the dialogs folder has no .yaml files' });
  }

  if (problems.length > 0) return { set: null, problems, advice };
  const set: DialogSet = {
    version: hash.digest('hex').slice(0, 12),
    dir: root,
    files: parsed.map((p) => p.file),
    intents,
    texts,
    lexicons,
    routing,
    holidays,
    holidayNames,
    ...(deskHours ? { deskHours } : {}),
    glossary,
    words,
  };
  return { set, problems, advice };
}

/** The NLU's view of a dialog set. */
export function toTrainingData(set: DialogSet): NluTrainingData {
  return {
    intents: [...set.intents.values()].map((i) => ({ id: i.id, examples: i.examples })),
    lexicons: set.lexicons,
    words: set.words,
  };
}
