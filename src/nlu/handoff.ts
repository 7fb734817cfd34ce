/**
 * Finds special situations in one message by matching the compiled lexicons against its terms.
 * Both languages' lexicons are tried on every message: citizens mix ("ik wil een human spreken").
 */
import { endsSentence, type Term } from './analyze.ts';
import type { CompiledLexicon, Phrase } from './lexicon.ts';
import { isNegated } from './negation.ts';
import { altKeys, matchesWord, needsOf, possible, view, type TermView } from './term-index.ts';
import { HANDOFF_PRIORITY, type HandoffSignal, type Lang, type MessageHandoffReason } from './types.ts';

interface Entry {
  lexicon: CompiledLexicon;
  phrase: Phrase;
  /**
   * `phrase` shows the situation; the others are matched without gaps: `except` vetoes an overlapping
   * phrase, `role` (not_when) the lexicon's situation in the whole message (the writer writes in a
   * role), `quiet` (model_not_when) keeps the learned model from adding it, `alone` (model_not_alone) too when it is
   * the whole message, `sure` (model_sure_when)
   * lets it add it when less sure, and `past` with `well`
   * (in_the_past, well_now) cancel a phrase in the past sentence of a message that says all is well now.
   */
  kind: 'phrase' | 'except' | 'role' | 'quiet' | 'alone' | 'sure' | 'part' | 'past' | 'well';
  /** Kind `part`: which `together` group of the lexicon, and which part of it, the phrase belongs to. */
  part?: { group: number; part: number };
  /**
   * Per phrase word after the first: the index keys one of its alternatives must have in the
   * message (null: no cheap test). A phrase whose words are not all in the message is not tried.
   */
  needs: Array<string[] | null>;
  /** `needs` as the detector's key numbers (HandoffDetector.keyIds). */
  needIds?: Array<Int32Array | null>;
}

/** A message's word as this detector reads it, with what the detector worked out from its keys. */
type View = TermView<TermLookup>;

/** A word's index keys as one detector's numbers, and the entries filed under them, in the order `candidates` found them. */
interface TermLookup {
  owner: HandoffDetector;
  keyIds: Int32Array;
  candidates: readonly Entry[];
}

/**
 * Between reasons of equal priority: the order of CONTRACTS.md §2, except that a complaint the
 * citizen names ("ik wil een klacht indienen, ik ben boos") is reported as a complaint.
 */
const TIE_ORDER: readonly MessageHandoffReason[] = ['distress', 'financial_hardship', 'bereavement', 'vulnerability', 'complaint', 'frustration', 'explicit_request'];

/** Ordering of reasons: priority first, then TIE_ORDER. */
export function compareReasons(a: MessageHandoffReason, b: MessageHandoffReason): number {
  return HANDOFF_PRIORITY[a] - HANDOFF_PRIORITY[b] || TIE_ORDER.indexOf(a) - TIE_ORDER.indexOf(b);
}

export interface Detection {
  /** Reasons seen, strongest first. */
  signals: HandoffSignal[];
  /** Reasons whose words were there but denied ("geen klacht", "niet boos"). */
  denied: Set<MessageHandoffReason>;
  /**
   * The terms (indexes) that carried a situation, found or denied. The intent is read from the rest
   * of the message: "mijn man is overleden, wanneer wordt de toeslag betaald" asks about a payment.
   */
  situationTerms: Set<number>;
  /** The terms an `except` phrase matched ("doodmoe", "ik lach me dood"): no learned model reads them either. */
  exceptTerms: Set<number>;
  /** Reasons a `model_not_when` phrase keeps the learned models from adding ("het gaat nu weer goed"). */
  quiet: Set<MessageHandoffReason>;
  /**
   * Reasons a `model_not_alone` phrase that is the whole message ("en vanavond?", "hoeft niet") keeps
   * the learned models from adding; what they would have added is reported apart (ParseResult.quieted),
   * for the dialog, which knows what was asked.
   */
  alone?: Set<MessageHandoffReason>;
  /** Reasons a `model_sure_when` phrase lets the learned models add when less sure ("geen grap", "I mean it"). */
  sure: Set<MessageHandoffReason>;
}

type Hit = { entry: Entry; matched: number[] };
type Span = { start: number; end: number };
/** What showed a reason: one span for phrases (widened by overlapping ones), one per part for a `together` group. */
type Found = { spans: Span[]; lexicon: string };

/** Phrases and `together` parts show a situation and match with gaps; the other kinds only qualify one, word for word. */
const shows = (kind: Entry['kind']): boolean => kind === 'phrase' || kind === 'part';

const spanOf = (terms: readonly Term[], matched: readonly number[]): Span => ({ start: terms[matched[0]!]!.start, end: terms[matched[matched.length - 1]!]!.end });

/** Whether a negation denies the match (not when the phrase carries its own, or the lexicon is not negatable). */
const negated = (entry: Entry, terms: readonly Term[], matched: readonly number[], lang: Lang | undefined): boolean =>
  entry.lexicon.negatable && !entry.phrase.hasNegation && isNegated(terms, matched, lang, entry.lexicon.negationWindow);

/**
 * An `except` of the same lexicon overlapping the match vetoes it, unless the phrase is longer and
 * names every word the except matched ("hoef niet meer zo nodig" was written on purpose; "niet meer
 * zo" is there for "kan niet meer zo lang wachten"; "zelfmoordpreventie*" still vetoes "zelfmoord*").
 */
function vetoed(hits: readonly Hit[], entry: Entry, matched: readonly number[]): boolean {
  const first = matched[0]!;
  const last = matched[matched.length - 1]!;
  return hits.some((h) => !shows(h.entry.kind) && h.entry.lexicon === entry.lexicon && h.matched[0]! <= last && h.matched[h.matched.length - 1]! >= first
    && !(matched.length > h.matched.length && h.matched.every((k) => matched.includes(k))));
}

/** Each term's sentence number (a full stop, question or exclamation mark between two terms ends one). */
function sentenceIndex(text: string, terms: readonly Term[]): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < terms.length; i++) {
    if (i > 0 && endsSentence(text, terms[i - 1]!.end, terms[i]!.start)) n++;
    out.push(n);
  }
  return out;
}

export class HandoffDetector {
  private readonly byKey = new Map<string, Entry[]>();
  /**
   * Every key that files an entry or that an entry needs, numbered: a message's keys are marked in
   * `present` under these numbers (with the message's own `mark`, so nothing needs clearing between
   * messages), and `possible` reads them there instead of hashing key strings per phrase and message.
   */
  private readonly keyIds = new Map<string, number>();
  private present: Int32Array = new Int32Array(0);
  private mark = 0;

  constructor(readonly lexicons: readonly CompiledLexicon[]) {
    for (const lexicon of lexicons) {
      const add = (kind: Entry['kind'], phrases: Phrase[]) => {
        for (const phrase of phrases) this.addEntry({ lexicon, phrase, kind, needs: needsOf(phrase) });
      };
      add('phrase', lexicon.phrases);
      add('except', lexicon.except);
      add('role', lexicon.notWhen);
      add('quiet', lexicon.modelNotWhen);
      add('alone', lexicon.modelNotAlone);
      add('sure', lexicon.modelSureWhen);
      add('past', lexicon.inThePast);
      add('well', lexicon.wellNow);
      lexicon.together.forEach((parts, group) => parts.forEach((phrases, part) => {
        for (const phrase of phrases) this.addEntry({ lexicon, phrase, kind: 'part', part: { group, part }, needs: needsOf(phrase) });
      }));
    }
    for (const key of this.byKey.keys()) this.keyId(key);
    for (const list of this.byKey.values()) {
      for (const e of list) e.needIds ??= e.needs.map((keys) => (keys === null ? null : Int32Array.from(keys, (k) => this.keyId(k))));
    }
    this.present = new Int32Array(this.keyIds.size);
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) this.keyIds.set(key, (id = this.keyIds.size));
    return id;
  }

  /** The word's keys as numbers and the entries filed under them, worked out once per word (and kept on its view). */
  private lookup(t: View): TermLookup {
    if (t.lookup?.owner === this) return t.lookup;
    const ids: number[] = [];
    for (const key of t.keys) {
      const id = this.keyIds.get(key);
      if (id !== undefined) ids.push(id);
    }
    t.lookup = { owner: this, keyIds: Int32Array.from(ids), candidates: [...this.candidates(t)] };
    return t.lookup;
  }

  private addEntry(entry: Entry): void {
    const lang = entry.phrase.lang;
    for (const a of entry.phrase.words[0] ?? []) {
      const keys = altKeys(a, lang);
      for (const key of keys) {
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(entry)) list.push(entry);
        this.byKey.set(key, list);
      }
    }
  }

  private candidates(t: View): Set<Entry> {
    const out = new Set<Entry>();
    for (const key of t.keys) {
      const list = this.byKey.get(key);
      if (list !== undefined) for (const e of list) out.add(e);
    }
    return out;
  }

  /** Every reason seen in the message, strongest first, each with the words that showed it. */
  detect(text: string, terms: readonly Term[], lang?: Lang): Detection {
    const denied = new Set<MessageHandoffReason>();
    const situationTerms = new Set<number>();
    const exceptTerms = new Set<number>();
    if (terms.length === 0) return { signals: [], denied, situationTerms, exceptTerms, quiet: new Set(), sure: new Set() };
    const views = terms.map((t) => view<TermLookup>(t));
    const lookups = views.map((v) => this.lookup(v));
    // A new mark for this message: what earlier messages marked in `present` no longer counts.
    if (this.mark === 0x7fffffff) {
      this.present.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    const present = this.present;
    for (const l of lookups) for (let j = 0; j < l.keyIds.length; j++) present[l.keyIds[j]!] = mark;
    const hits: Hit[] = [];
    const roles = new Set<MessageHandoffReason>();
    const quiet = new Set<MessageHandoffReason>();
    const alone = new Set<MessageHandoffReason>();
    const sure = new Set<MessageHandoffReason>();
    // in_the_past: per reason, the terms where such a phrase starts; well_now: the reasons with one.
    // By reason, so every lexicon of a reason (domestic_violence is distress too) shares the lists.
    const pastAt = new Map<MessageHandoffReason, number[]>();
    const wellNow = new Set<MessageHandoffReason>();
    for (let i = 0; i < views.length; i++) {
      for (const entry of lookups[i]!.candidates) {
        if (!possible(entry.needIds!, present, mark)) continue;
        const matched = this.matchFrom(entry, terms, views, i);
        if (!matched) continue;
        if (entry.kind === 'quiet') {
          quiet.add(entry.lexicon.reason);
          continue;
        }
        if (entry.kind === 'alone') {
          if (i === 0 && matched[matched.length - 1] === terms.length - 1) alone.add(entry.lexicon.reason);
          continue;
        }
        if (entry.kind === 'sure') {
          sure.add(entry.lexicon.reason);
          continue;
        }
        if (entry.kind === 'past') {
          const at = pastAt.get(entry.lexicon.reason);
          if (at) at.push(i);
          else pastAt.set(entry.lexicon.reason, [i]);
          continue;
        }
        if (entry.kind === 'well') {
          wellNow.add(entry.lexicon.reason);
          continue;
        }
        hits.push({ entry, matched });
        if (entry.kind === 'role') roles.add(entry.lexicon.reason);
        if (!shows(entry.kind)) for (const k of matched) exceptTerms.add(k);
      }
    }
    const sentences = pastAt.size > 0 && wellNow.size > 0 ? sentenceIndex(text, terms) : null;
    /** A match in a sentence put in the past, in a message that says all is well now. */
    const over = (h: Hit): boolean => sentences !== null && shows(h.entry.kind) && wellNow.has(h.entry.lexicon.reason)
      && (pastAt.get(h.entry.lexicon.reason) ?? []).some((k) => sentences[k] === sentences[h.matched[0]!]);
    const overReasons = new Set<MessageHandoffReason>();
    // Per reason: the first match, widened by every match overlapping it ("er een eind aan" and
    // "eind aan maken" give the evidence "er een eind aan maken").
    const found = new Map<MessageHandoffReason, Found>();
    // Per reason: the matches apart from the first, further on in the message ("I don't speak Dutch … I am
    // blind"), so the dialog can tell a need beside the one the evidence names. Not the evidence itself.
    const further = new Map<MessageHandoffReason, Span[]>();
    for (const hit of hits) {
      const { entry, matched } = hit;
      const span = spanOf(terms, matched);
      const known = found.get(entry.lexicon.reason)?.spans[0];
      // Not the writer's own situation (a role): no signal, and denied below, so no model adds it either.
      if (entry.kind !== 'phrase' || roles.has(entry.lexicon.reason)) continue;
      if (known && (span.start >= known.end || span.end <= known.start)) {
        // Only where the dialog reads them (vulnerability: language.ts): checking every later hit of the
        // large crisis lexicons cost about a tenth of the parses/s (bench/nlu-throughput).
        if (entry.lexicon.reason === 'vulnerability' && !negated(entry, terms, matched, lang) && !vetoed(hits, entry, matched) && !over(hit)) further.set(entry.lexicon.reason, [...(further.get(entry.lexicon.reason) ?? []), span]);
        continue;
      }
      if (negated(entry, terms, matched, lang)) {
        denied.add(entry.lexicon.reason);
        for (const k of matched) situationTerms.add(k);
        continue;
      }
      const first = matched[0]!;
      const last = matched[matched.length - 1]!;
      if (vetoed(hits, entry, matched)) continue;
      if (over(hit)) {
        overReasons.add(entry.lexicon.reason);
        continue;
      }
      // The lexicon of the first match names the signal's kind (domestic_violence is distress too).
      const widened = known ? { start: Math.min(known.start, span.start), end: Math.max(known.end, span.end) } : span;
      found.set(entry.lexicon.reason, { spans: [widened], lexicon: found.get(entry.lexicon.reason)?.lexicon ?? entry.lexicon.id });
      for (let k = first; k <= last; k++) situationTerms.add(k);
    }
    this.together(sentences ? hits.filter((h) => !over(h)) : hits, terms, lang, found, roles, situationTerms);
    // A crisis that is over: the learned model must not add it back from the same sentence.
    for (const reason of overReasons) if (!found.has(reason)) quiet.add(reason);
    for (const reason of found.keys()) denied.delete(reason);
    for (const reason of roles) denied.add(reason);
    const signals: HandoffSignal[] = [...found].map(([reason, f]) => {
      // Apart from the evidence as it was widened, each once.
      const apart = (further.get(reason) ?? []).filter((sp, i, all) => f.spans.every((e) => sp.start >= e.end || sp.end <= e.start) && all.findIndex((o) => o.start < sp.end && sp.start < o.end) === i);
      return { reason, evidence: f.spans.map((sp) => text.slice(sp.start, sp.end)).join(' … '), lexicon: f.lexicon, ...(apart.length > 0 ? { further: apart.map((sp) => text.slice(sp.start, sp.end)) } : {}) };
    });
    return { signals: signals.sort((a, b) => compareReasons(a.reason, b.reason)), denied, situationTerms, exceptTerms, quiet, sure, ...(alone.size > 0 ? { alone } : {}) };
  }

  /**
   * `together` groups of lexicons whose situation no phrase found: each part must have a match that
   * no negation denies and no `except` vetoes. The evidence is the parts' words, in message order.
   */
  private together(hits: Hit[], terms: readonly Term[], lang: Lang | undefined, found: Map<MessageHandoffReason, Found>, roles: ReadonlySet<MessageHandoffReason>, situationTerms: Set<number>): void {
    const parts = hits.filter((h) => h.entry.kind === 'part' && !found.has(h.entry.lexicon.reason) && !roles.has(h.entry.lexicon.reason)
      && !negated(h.entry, terms, h.matched, lang) && !vetoed(hits, h.entry, h.matched));
    for (const lexicon of new Set(parts.map((h) => h.entry.lexicon))) {
      if (found.has(lexicon.reason)) continue;
      for (let group = 0; group < lexicon.together.length; group++) {
        const chosen = lexicon.together[group]!.map((_, part) => parts.find((h) => h.entry.lexicon === lexicon && h.entry.part!.group === group && h.entry.part!.part === part));
        if (chosen.some((h) => h === undefined)) continue;
        found.set(lexicon.reason, { spans: (chosen as Hit[]).map((h) => spanOf(terms, h.matched)).sort((a, b) => a.start - b.start), lexicon: lexicon.id });
        for (const h of chosen as Hit[]) for (const k of h.matched) situationTerms.add(k);
        break;
      }
    }
  }

  private matchFrom(entry: Entry, terms: readonly Term[], views: View[], start: number): number[] | null {
    const { phrase, lexicon } = entry;
    if (!matchesWord(phrase.words[0]!, views[start]!, phrase.lang)) return null;
    const matched = [start];
    let pos = start;
    for (let w = 1; w < phrase.words.length; w++) {
      let found = -1;
      // After the phrase's own punctuation ("great, the") the next word follows at once, past the clause end.
      const crosses = phrase.clauseAfter[w - 1]!;
      const maxGap = shows(entry.kind) && !crosses ? lexicon.maxGap : 0;
      for (let k = pos + 1; k < views.length && k <= pos + 1 + maxGap; k++) {
        if (terms[k - 1]!.clauseEnd && !crosses) break;
        if (matchesWord(phrase.words[w]!, views[k]!, phrase.lang)) {
          found = k;
          break;
        }
      }
      if (found < 0) return null;
      matched.push(found);
      pos = found;
    }
    return matched;
  }
}
