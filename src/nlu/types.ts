/**
 * The NLU contract. The dialog runtime and the CLI see only these types; how intents are classified
 * (natural's stemmers, distances, classifiers) stays inside src/nlu/.
 */

export type Lang = 'nl' | 'en';

/** Handoff reasons of CONTRACTS.md §2. */
export const HANDOFF_REASONS = [
  'distress',
  'financial_hardship',
  'bereavement',
  'vulnerability',
  'frustration',
  'complaint',
  'explicit_request',
  'case_flag',
  'verification_failed',
  'not_understood',
  'system_unavailable',
] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

/** The reasons a single message can show by itself (the rest need conversation context). */
export const MESSAGE_HANDOFF_REASONS = [
  'distress',
  'financial_hardship',
  'bereavement',
  'vulnerability',
  'frustration',
  'complaint',
  'explicit_request',
] as const satisfies readonly HandoffReason[];
export type MessageHandoffReason = (typeof MESSAGE_HANDOFF_REASONS)[number];

export const HANDOFF_PRIORITY: Record<HandoffReason, number> = {
  distress: 1,
  financial_hardship: 2,
  bereavement: 2,
  vulnerability: 2,
  frustration: 3,
  complaint: 3,
  explicit_request: 3,
  case_flag: 3,
  verification_failed: 3,
  not_understood: 4,
  system_unavailable: 4,
};

export type EntityType = 'case_number' | 'postcode' | 'date' | 'phone' | 'iban' | 'bsn';

export interface Entity {
  type: EntityType;
  /** Normalised value: `Z-2026-000123`, `1234 AB`, `1980-03-15`, `+31612345678`, `NL91ABNA0417164300`, `123456782`. */
  value: string;
  /** Offsets into the original text, `end` exclusive. */
  start: number;
  end: number;
}

export interface HandoffSignal {
  reason: MessageHandoffReason;
  /** The words in the message that triggered it, as the citizen wrote them. */
  evidence: string;
  /**
   * The lexicon that found it (dialogs/lexicons/<id>.yaml), when one did. A reason may have more than
   * one: domestic_violence.yaml is distress too, and its answer names Veilig Thuis. Not part of the
   * `loket parse` line.
   */
  lexicon?: string;
  /**
   * Other words of the same situation further on in the message, apart from the evidence ("I don't
   * speak Dutch … I am blind"): the evidence names only the first. Not part of the `loket parse` line.
   */
  further?: string[];
}

/** One parsed message: exactly the `loket parse` line of CONTRACTS.md §3, plus every handoff signal seen. */
export interface ParseResult {
  text: string;
  lang: Lang;
  intent: { name: string; confidence: number };
  entities: Entity[];
  /** The strongest (highest-priority) special situation in this message, or null. */
  handoff: HandoffSignal | null;
  /** All special situations seen, strongest first (the `handoff` field is the first of these). */
  handoffs: HandoffSignal[];
  /**
   * When the intent is `none` only because the best intent was not sure enough: that intent, so the
   * assistant can ask "gaat uw vraag over …?" instead of "I do not understand". Not in `loket parse`.
   */
  suggestion?: { name: string; confidence: number };
  /**
   * A second question in the same message ("wanneer zijn jullie open en hoe staat het met mijn
   * aanvraag"): its intent, when one part of the message is sure of `intent` and another as sure of
   * this one; `before`: that part comes first in the message; `start`–`end`: that part of the text. Not in
   * `loket parse`, whose line has one intent.
   */
  also?: { name: string; confidence: number; before: boolean; start?: number; end?: number };
  /**
   * The questions after the second, in the order asked, each a part of its own (`start`–`end`) as sure
   * of its intent as `also` ("hoe laat zijn jullie open, wat kost een paspoort en hoe staat het met
   * mijn aanvraag"). Not in `loket parse`.
   */
  more?: Array<{ name: string; confidence: number; start: number; end: number }>;
  /**
   * A special situation the learned model leans to without finding it (its probability between the
   * lexicon's `model_concern_threshold` and `model_threshold`), with the part of the message that
   * scored highest: no handoff, but the assistant may ask whether all is well. Not in `loket parse`.
   */
  concern?: Concern;
  /**
   * What the learned model found but a `model_not_alone` phrase kept back, because that phrase is the
   * whole message ("en vanavond?", "hoeft niet"): no situation by itself, but the dialog may know better
   * (right after the crisis check-in it counts). Not in `loket parse`.
   */
  quieted?: HandoffSignal[];
  /**
   * The message is in another language written in Latin letters (German, French, Polish, Turkish …):
   * its ISO 639-1 code (language.ts otherLanguage). `lang` still says Dutch or English, the language
   * the assistant answers in. Not in `loket parse`.
   */
  otherLanguage?: string;
  /**
   * The message as the analysis read it, when it read a word as another: typos put right by the vocabulary
   * ("hoe vraag ik bijstnd aan" → "… bijstand …"), shorthands written out. The dialog names topics by it when the
   * words as written name none. Not in `loket parse`.
   */
  fixed?: string;
}

export interface Concern {
  reason: MessageHandoffReason;
  probability: number;
  evidence: string;
  /**
   * Set by the dialog (concern.ts readInContext), never by the NLU: the crisis was read in an everyday
   * follow-up on the answer just given ("hoe snel heb ik het?"). When the reply answers it from that
   * answer, no check-in follows.
   */
  followUp?: true;
}

export interface Recognizer {
  /** Parses one message. `lang` is detected when absent. Never throws on odd input. */
  parse(text: string, lang?: Lang): ParseResult;
}

/** Training data as the dialog loader hands it over (read from dialogs/). */
export interface NluTrainingData {
  intents: Array<{ id: string; examples: Record<Lang, string[]> }>;
  /** Lexicon documents (`kind: lexicon` files), already schema-checked; their shape is owned by src/nlu. */
  lexicons: unknown[];
  /**
   * The words of the dialogs' own answers and messages (ownWords): spelled right, so the typo correction
   * leaves them alone ("schade" is not "schande", "verhalen" not "vertalen"). Part of the model's cache key.
   */
  words?: string[];
}
