/**
 * The recognizer: language → entities → terms → intent and special situations, for one message. How
 * the parts' findings become one intent and one list of handoff signals is in reconcile.ts.
 *
 *   const recognizer = await createRecognizer(await readTrainingData('dialogs'), { cacheDir: 'data/cache' });
 *   recognizer.parse('wnr krijg ik geld van de bijstand');
 */
import { analyze, isQuestion, questionStart, splitQuestions, splitSentences, type Term } from './analyze.ts';
import { cacheKey, readCached, writeCached } from './cache.ts';
import { SoftmaxClassifier, type SerializedModel } from './classifier.ts';
import { extractEntities } from './entities/index.ts';
import { extractFeatures, FeatureNumbers, INTENT_FEATURES, SITUATION_FEATURES, type FeatureBag, type FeatureVector } from './features.ts';
import { HandoffDetector } from './handoff.ts';
import { COMMON_WORDS, LanguageDetector, otherLanguage } from './language.ts';
import { compileLexicons, lexiconWords, type CompiledLexicon } from './lexicon.ts';
import { noneThreshold, pick, reconcile, round, roundDown, SITUATIONS, withSentiment, withSituationModels, type Ranked } from './reconcile.ts';
import { sanitize, tokenize } from './text.ts';
import { loadSituationModels, trainSituationModels, type SerializedSituationModel, type SituationModels } from './situation-model.ts';
import { expand } from './abbreviations.ts';
import { intentExamples, type IntentExample } from './training-data.ts';
import { Vocabulary } from './typo.ts';
import type { Entity, Lang, MessageHandoffReason, NluTrainingData, ParseResult, Recognizer } from './types.ts';

/** Bump when features or training change, so cached models are not reused. */
export const MODEL_VERSION = 'nlu-30';

/**
 * Below this confidence the message counts as `none`. bench/nlu-calibrate.ts (cross-validation on the
 * training examples) gives the range; within it the labelled sets read in tests/nlu chose: with the
 * intent examples of the twelfth session, intents right on the read sets / apart40-53 at 0.2:
 * 9,004 / 2,219, 0.3: 9,029 / 2,229, 0.35: 9,031 / 2,237, 0.4: 9,006 / 2,231, 0.5: 8,852 / 2,232.
 */
export const DEFAULT_NONE_THRESHOLD = 0.35;

/**
 * A long message that is `none` as a whole may still ask one clear thing in one sentence ("Ik slaap
 * al weken slecht, alles groeit me boven het hoofd. Wanneer wordt de bijstand gestort?"): the story
 * around it pulls the whole message away from every intent. When one sentence alone is at least this
 * sure of a question the assistant answers, that is the intent. Chosen on the read labelled sets
 * (intents right on them / apart40-53): without it 9,037 / 2,235; at 0.5 9,155 / 2,231, 0.6 9,161 /
 * 2,256, 0.7 9,147 / 2,252, 0.8 9,136 / 2,256 (taking greetings, thanks and goodbyes from one
 * sentence too: 9,037 / 2,226 at 0.6). Then a bare "wat moet ik doen" as `none` (so that sentence
 * alone says nothing): 9,190 / 2,272 at 0.6.
 */
export const SENTENCE_INTENT_THRESHOLD = 0.6;

/** A greeting, thanks or goodbye in one sentence of a longer message is politeness, not what it asks. */
const NOT_FROM_ONE_SENTENCE: ReadonlySet<string> = new Set(['none', 'greeting', 'thanks', 'goodbye']);
/**
 * …unless it closes a message that asks nothing: then thanking or saying goodbye is what it does. On the
 * read labelled sets: intents right 13,404 -> 13,412 at SENTENCE_INTENT_THRESHOLD (13,415 at 0.5, 13,413
 * at 0.7), no situation found or lost.
 */
const CLOSING: ReadonlySet<string> = new Set(['thanks', 'goodbye']);

/**
 * A second question in a message counts when its part of the message is at least this sure of it, and
 * another part as sure of the intent of the whole (see NluRecognizer.otherQuestions).
 */
export const ALSO_THRESHOLD = 0.85;

/** From this confidence up to the `none` threshold, the best intent is offered as a suggestion. */
export const SUGGESTION_FLOOR = 0.15;


export interface RecognizerOptions {
  /** Folder for the trained model; no caching when absent. */
  cacheDir?: string;
  noneThreshold?: number;
  /** "Today" for two-digit years in dates; defaults to the clock at parse time. */
  now?: () => Date;
  /**
   * Told when the model is trained instead of read from the cache (a first start, or changed
   * dialogs): before, with the number of examples, and after, with the time it took. Training takes
   * tens of seconds, so a server says so in its log instead of staying silent.
   */
  onTrain?(event: { phase: 'start'; examples: number } | { phase: 'done'; ms: number }): void;
}

interface CachedModel {
  version: string;
  model: SerializedModel;
  situations: SerializedSituationModel[];
}

interface Models {
  intents: SoftmaxClassifier;
  situations: SerializedSituationModel[];
}

function buildVocabulary(examples: readonly IntentExample[], lexiconTerms: string[], ownWords: readonly string[]): { vocab: Vocabulary; byLang: Record<Lang, Set<string>> } {
  const vocab = new Vocabulary();
  const byLang: Record<Lang, Set<string>> = { nl: new Set(), en: new Set() };
  for (const { text, lang } of examples) {
    for (const t of tokenize(text)) {
      for (const w of expand(t.norm, lang).split(' ')) {
        vocab.add(w);
        if (w.length >= 3 && !/\d/.test(w)) byLang[lang].add(w);
      }
    }
  }
  for (const w of [...lexiconTerms, ...COMMON_WORDS, ...ownWords]) vocab.add(w);
  return { vocab, byLang };
}

/** The features of one message, as the situation models read them (SITUATION_FEATURES). */
function messageFeatures(text: string, lang: Lang, vocab: Vocabulary): FeatureBag {
  return extractFeatures(analyze(text, lang, vocab), extractEntities(text).map((e) => e.type));
}

type Sample = { bag: FeatureBag; label: string; situation?: MessageHandoffReason };

/**
 * Every intent example with its features, as the intent classifier and as the situation models read
 * them (the situation models learn from the intent examples too). Each example is analysed once.
 */
function intentSamples(examples: readonly IntentExample[], vocab: Vocabulary): { intents: Sample[]; situations: Sample[] } {
  const intents: Sample[] = [];
  const situations: Sample[] = [];
  for (const e of examples) {
    const terms = analyze(e.text, e.lang, vocab);
    const types = extractEntities(e.text).map((x) => x.type);
    const tag = e.situation ? { situation: e.situation } : {};
    intents.push({ bag: extractFeatures(terms, types, INTENT_FEATURES), label: e.intent, ...tag });
    situations.push({ bag: extractFeatures(terms, types, SITUATION_FEATURES), label: e.intent, ...tag });
  }
  return { intents, situations };
}

async function loadOrTrain(data: NluTrainingData, examples: readonly IntentExample[], vocab: Vocabulary, lexicons: CompiledLexicon[], cacheDir: string | undefined, onTrain: RecognizerOptions['onTrain']): Promise<Models> {
  const key = cacheKey(data, MODEL_VERSION);
  if (cacheDir) {
    const cached = await readCached<CachedModel>(cacheDir, key);
    if (cached?.version === MODEL_VERSION && Array.isArray(cached.situations)) {
      try {
        return { intents: SoftmaxClassifier.fromJSON(cached.model), situations: cached.situations };
      } catch {
        // A damaged cache file: train again below.
      }
    }
  }
  onTrain?.({ phase: 'start', examples: examples.length });
  const t0 = performance.now();
  const samples = intentSamples(examples, vocab);
  const models = {
    intents: SoftmaxClassifier.train(samples.intents),
    situations: trainSituationModels(lexicons, samples.situations, (text, lang) => messageFeatures(text, lang, vocab)),
  };
  if (cacheDir) await writeCached(cacheDir, key, { version: MODEL_VERSION, model: models.intents.toJSON(), situations: models.situations } satisfies CachedModel);
  onTrain?.({ phase: 'done', ms: Math.round(performance.now() - t0) });
  return models;
}

/** Trains (or loads from `cacheDir`) the classifier and compiles the lexicons. */
export async function createRecognizer(data: NluTrainingData, opts: RecognizerOptions = {}): Promise<Recognizer> {
  const lexicons = compileLexicons(data.lexicons);
  // Read once: the vocabulary and (when not cached) the training both need them.
  const examples = intentExamples(data, lexicons);
  const { vocab, byLang } = buildVocabulary(examples, lexiconWords(lexicons), data.words ?? []);
  const models = await loadOrTrain(data, examples, vocab, lexicons, opts.cacheDir, opts.onTrain);
  return new NluRecognizer(models.intents, vocab, new LanguageDetector(byLang), new HandoffDetector(lexicons), loadSituationModels(lexicons, models.situations), opts);
}

class NluRecognizer implements Recognizer {
  private readonly threshold: number;
  /** The features of a parse, numbered once for the intent classifier and the situation models (features.ts). */
  private readonly numbers: FeatureNumbers<'intents' | 'situations'>;

  constructor(
    private readonly model: SoftmaxClassifier,
    private readonly vocab: Vocabulary,
    private readonly language: LanguageDetector,
    private readonly handoffs: HandoffDetector,
    private readonly situations: SituationModels,
    private readonly opts: RecognizerOptions,
  ) {
    this.threshold = opts.noneThreshold ?? DEFAULT_NONE_THRESHOLD;
    this.numbers = new FeatureNumbers({ intents: (key) => model.featureIndex(key), situations: (key) => situations.featureIndex(key) });
  }

  parse(input: string, lang?: Lang): ParseResult {
    const text = typeof input === 'string' ? input : '';
    try {
      return this.parseUnsafe(text, lang);
    } catch {
      // Never let one odd message break a conversation: an unknown message is `none`.
      return { text, lang: lang === 'en' ? 'en' : 'nl', intent: { name: 'none', confidence: 1 }, entities: [], handoff: null, handoffs: [] };
    }
  }

  private parseUnsafe(original: string, given: Lang | undefined): ParseResult {
    // Same length as the original (lone surrogates become U+FFFD), so offsets and evidence still fit it.
    const text = sanitize(original);
    this.numbers.startMessage();
    const entities = extractEntities(text, this.opts.now ? { now: this.opts.now() } : {});
    // Tokenized once: the language, the terms and the other-language check all read the same words.
    const tokens = tokenize(text);
    const decided = given === 'nl' || given === 'en' ? { lang: given, sure: true } : this.language.decide(text, entities, tokens);
    let lang: Lang = decided.lang;
    let terms = analyze(text, lang, this.vocab, tokens);
    let detected = this.handoffs.detect(original, terms, lang);
    // A crisis must not hang on a guessed language: shorthand is read per language ("wanna" is "want
    // to" in English only), so when the words did not decide it, the other language gets a look too,
    // and where only it finds a crisis, the message is read in that language.
    if (!decided.sure && !detected.signals.some((s) => s.reason === 'distress')) {
      const alt: Lang = lang === 'nl' ? 'en' : 'nl';
      const altTerms = analyze(text, alt, this.vocab, tokens);
      const altDetected = this.handoffs.detect(original, altTerms, alt);
      if (altDetected.signals.some((s) => s.reason === 'distress')) [lang, terms, detected] = [alt, altTerms, altDetected];
    }
    const found = withSentiment(detected, original, lang);
    const types = entities.map((e) => e.type);
    // The intent comes from what is left once the situation's own words are set aside (see Detection).
    const asked = found.situationTerms.size > 0 ? terms.filter((_, i) => !found.situationTerms.has(i)) : terms;
    const features = asked.length > 0 ? this.numbers.vector(asked, types, INTENT_FEATURES) : null;
    const { detection, concern, quieted } = withSituationModels(found, this.situations, terms, original, types, this.numbers);
    const whole = this.classify(features);
    const situation = detection.signals.some((s) => SITUATIONS.has(s.reason));
    const ranked = pick(whole, noneThreshold(this.threshold, situation)).name === 'none' ? this.fromOneSentence(asked, text, entities) ?? whole : whole;
    const reconciled = reconcile(ranked, detection, original, this.threshold);
    const { signals } = reconciled;
    // In another language the model's intent is a guess from look-alike words ("status", "Geld"): not
    // understood, so the assistant says which languages it reads. A special situation still counts.
    const other = given === undefined ? otherLanguage(text, entities, tokens) : null;
    const intent = other ? { name: 'none', confidence: 1 } : reconciled.intent;
    // Only for a plain question the model was unsure of; a situation has its own answer.
    const best = ranked[0];
    const suggestion = intent.name === 'none' && !other && signals.length === 0 && best && best.name !== 'none' && best.confidence >= SUGGESTION_FLOOR && best.confidence < this.threshold
      ? { suggestion: { name: best.name, confidence: roundDown(best.confidence) } } : {};
    const several = signals.length === 0 && intent.name !== 'none' ? this.otherQuestions(asked, text, entities, intent.name) : null;
    const also = signals.length === 0 && intent.name !== 'none'
      ? several?.also ?? (CLOSING.has(intent.name) ? this.askedAfterClosing(asked, text, entities) : null)
      : null;
    const more = several && several.more.length > 0 ? { more: several.more } : {};
    // A reason the model only leans to, when nothing found it after all (the intent can add one).
    const leaning = concern && !other && !signals.some((s) => s.reason === concern.reason) ? { concern } : {};
    const fixed = other ? undefined : fixedText(original, terms);
    return { text: original, lang, intent, entities, handoff: signals[0] ?? null, handoffs: signals, ...suggestion, ...(also ? { also } : {}), ...more, ...leaning, ...(quieted ? { quieted } : {}), ...(other ? { otherLanguage: other } : {}), ...(fixed ? { fixed } : {}) };
  }

  /**
   * The intent of a second question in the message, when it has parts (splitQuestions) and one is
   * sure (ALSO_THRESHOLD) of `main` and another, written as a question (isQuestion), as sure of a
   * different one. Both must be clear: a story around one question is not a second question. `more`:
   * the questions after the second, each as clear ("hoe laat zijn jullie open, wat kost een paspoort en
   * hoe staat het met mijn aanvraag").
   */
  private otherQuestions(terms: readonly Term[], text: string, entities: readonly Entity[], main: string): { also: NonNullable<ParseResult['also']>; more: NonNullable<ParseResult['more']> } | null {
    const parts = splitQuestions(terms, text);
    if (parts.length < 2) return null;
    let mainSeen = false;
    let other: NonNullable<ParseResult['also']> | null = null;
    const more: NonNullable<ParseResult['more']> = [];
    for (const whole of parts) {
      // What the part asks, without the greeting or "ik wil graag weten" before it (too many words for so short a question).
      const start = questionStart(whole).at;
      const part = start > 0 && whole.length - start >= 2 ? whole.slice(start) : whole;
      const from = part[0]!.start;
      const to = part.at(-1)!.end;
      const types = entities.filter((e) => e.start >= from && e.end <= to).map((e) => e.type);
      const ranked = this.classify(this.numbers.vector(part, types, INTENT_FEATURES))[0];
      // A part with a case number asks about that case ("hoe staat het met Z-2026-000123 en …"),
      // however unsure the model is of so few words (the dialog reads a bare number so too); as a
      // second question only when written as one: "(kenmerk Z-2026-000456)" in a letter asks nothing.
      const top = types.includes('case_number') && (!ranked || ranked.confidence < ALSO_THRESHOLD) ? { name: 'case_status', confidence: ALSO_THRESHOLD } : ranked;
      if (!top || top.confidence < ALSO_THRESHOLD) continue;
      if (top.name === main) mainSeen = true;
      else if (NOT_FROM_ONE_SENTENCE.has(top.name) || !isQuestion(part, text)) continue;
      else if (!other) other = { name: top.name, confidence: round(top.confidence), before: !mainSeen, start: whole[0]!.start, end: whole.at(-1)!.end };
      else more.push({ name: top.name, confidence: round(top.confidence), start: whole[0]!.start, end: whole.at(-1)!.end });
    }
    return mainSeen && other ? { also: other, more } : null;
  }

  /**
   * A question after a thanks or goodbye: "ok dank je, hoe lang duurt het nog?", "thanks! and when do
   * you open?". The thanks carries the message, so the question behind it is `also` when it is written
   * as one (isQuestion) and the model is as sure of it as of a sentence on its own.
   */
  private askedAfterClosing(terms: readonly Term[], text: string, entities: readonly Entity[]): NonNullable<ParseResult['also']> | null {
    const cut = terms.findIndex((t, i) => i < terms.length - 2 && t.clauseEnd);
    if (cut < 0) return null;
    const rest = terms.slice(cut + 1);
    if (!isQuestion(rest, text)) return null;
    const from = rest[0]!.start;
    const top = this.classify(this.numbers.vector(rest, entities.filter((e) => e.start >= from).map((e) => e.type), INTENT_FEATURES))[0];
    return top && !NOT_FROM_ONE_SENTENCE.has(top.name) && top.confidence >= SENTENCE_INTENT_THRESHOLD ? { name: top.name, confidence: round(top.confidence), before: false } : null;
  }

  /**
   * The ranking of the sentence that is surest of a question the assistant answers (SENTENCE_INTENT_THRESHOLD),
   * if one is. Else, when no sentence asks anything, a closing thanks or goodbye as sure ("Ik heb me
   * kapot gelachen om de cartoon in jullie nieuwsbrief. Bedankt!"): what the message does is thank.
   */
  private fromOneSentence(terms: readonly Term[], text: string, entities: readonly Entity[]): Ranked | null {
    let best: Ranked | null = null;
    let last: Ranked | null = null;
    let asks = false;
    for (const sentence of splitSentences(terms, text, { atTopicShift: true })) {
      const from = sentence[0]!.start;
      const to = sentence.at(-1)!.end;
      const ranked = this.classify(this.numbers.vector(sentence, entities.filter((e) => e.start >= from && e.end <= to).map((e) => e.type), INTENT_FEATURES));
      const top = ranked[0];
      if (top && !NOT_FROM_ONE_SENTENCE.has(top.name) && top.confidence >= SENTENCE_INTENT_THRESHOLD && (!best || top.confidence > best[0]!.confidence)) best = ranked;
      asks ||= isQuestion(sentence, text);
      last = ranked;
    }
    if (best || asks) return best;
    const closing = last?.[0];
    return closing && CLOSING.has(closing.name) && closing.confidence >= SENTENCE_INTENT_THRESHOLD ? last : null;
  }

  /** Intents by probability, most likely first; empty when the message has nothing the model knows. */
  private classify(features: FeatureVector | null): Ranked {
    if (features === null) return [];
    const prediction = this.model.predictNumbered(features, this.numbers.column('intents'));
    if (prediction.known === 0) return [];
    return this.model.classes.map((name, i) => ({ name, confidence: prediction.scores[i]! })).sort((a, b) => b.confidence - a.confidence);
  }
}

/**
 * The message with each word the analysis read as another put as it read it: a typo put right by the vocabulary
 * ("bijstnd" → "bijstand"), a respelling or a shorthand ("mn" → "mijn"). Undefined when every word stands as written.
 */
function fixedText(text: string, terms: readonly Term[]): string | undefined {
  let out = '';
  let at = 0;
  for (const t of terms) {
    if (t.start < at || !/^\p{L}[\p{L}' -]*$/u.test(t.fixed) || t.fixed === text.slice(t.start, t.end).toLowerCase()) continue;
    out += text.slice(at, t.start) + t.fixed;
    at = t.end;
  }
  return at === 0 ? undefined : out + text.slice(at);
}
