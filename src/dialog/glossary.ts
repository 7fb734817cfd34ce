/**
 * Words from case statuses and letters that citizens ask about (dialogs/glossary.yaml): "wat betekent
 * welstandscommissie?", "wat is een beschikking", "who is the welstandscommissie?", and "wie is dat?"
 * right after a status that names one body. The status text comes from the case system, written for
 * staff; the citizen may ask what its words mean. Pure, like step.ts.
 */
import { editDistance } from '../nlu/typo.ts';
import type { ParseResult } from '../nlu/types.ts';
import { lastAnswered } from './answer-sentences.ts';
import { texts, trace } from './texts.ts';
import { keptToTopic } from './variant-choice.ts';
import type { DialogSet, DialogState, GlossaryTerm, StepResult } from './types.ts';

const words = (text: string): string[] => text.toLowerCase().replace(/[^\p{L}\p{N}'\s-]+/gu, ' ').replace(/-/g, ' ').split(/\s+/).filter(Boolean);

/** One word of the message as one word of a term: the same, or (for a long word) a typo or two away after its first letter. */
function sameWord(said: string, term: string): boolean {
  if (said === term) return true;
  const max = term.length >= 9 ? 2 : term.length >= 6 ? 1 : 0;
  // The first letter is seldom the typo, and checking it first spares most distances.
  return max > 0 && said[0] === term[0] && Math.abs(said.length - term.length) <= max && editDistance(said, term, max) <= max;
}

interface Found {
  term: GlossaryTerm;
  /** The message's words before and after the term. */
  before: string;
  after: string;
  /** The term as the glossary writes it. */
  word: string;
}

/** A glossary's wordings split into words, made once per loaded glossary (every message is checked against it). */
const split = new WeakMap<readonly GlossaryTerm[], Array<{ term: GlossaryTerm; word: string; parts: string[] }>>();
function wordings(glossary: readonly GlossaryTerm[]) {
  let out = split.get(glossary);
  if (!out) split.set(glossary, (out = glossary.flatMap((term) => term.words.map((word) => ({ term, word, parts: words(word) })))));
  return out;
}

/** Whether the wording's words stand in `said` from position `i` on. */
function standsAt(said: readonly string[], i: number, parts: readonly string[]): boolean {
  for (let k = 0; k < parts.length; k++) if (!sameWord(said[i + k]!, parts[k]!)) return false;
  return true;
}

/** Every term the text names, each once, by its longest wording found. */
export function termsIn(glossary: readonly GlossaryTerm[], text: string): Found[] {
  const said = words(text);
  // sameWord needs the same first letter, so a wording whose first word starts with a letter no word
  // of the message starts with is skipped (every message passes here; most name no term at all).
  const initials = new Set<string>();
  for (const w of said) initials.add(w[0]!);
  const best = new Map<GlossaryTerm, Found & { length: number }>();
  for (const { term, word, parts } of wordings(glossary)) {
    if (parts.length > 0 && !initials.has(parts[0]![0]!)) continue;
    for (let i = 0; i + parts.length <= said.length; i++) {
      if (!standsAt(said, i, parts)) continue;
      const had = best.get(term);
      if (!had || parts.length > had.length) best.set(term, { term, word, length: parts.length, before: said.slice(0, i).join(' '), after: said.slice(i + parts.length).join(' ') });
    }
  }
  return [...best.values()].map(({ length: _length, ...found }) => found);
}

/**
 * How to do it ("hoe doe ik dat, een ingebrekestelling sturen?", "how do I send a notice of default?"): the explanation says how,
 * or the term's `how` answer does ("how do i make a digid").
 */
const HOW_TO_DO = String.raw`hoe (doe|stuur|maak|schrijf|geef|regel) ik( dat| dit| het)?( (een|de|die|zo n|n|'n))?|how (do|can|should) i (send|give|make|write|do)( (a|an|the|that|it))?`;
const HOW_BEFORE = new RegExp(String.raw`(^|\s)(${HOW_TO_DO})$`);
/** What asks for a word's meaning, just before the word ("wat betekent", "wat is een", "who is the"; "wt is n", as texted). */
const ASKS_BEFORE = new RegExp(String.raw`(^|\s)((wat|wt) (betekent|betekend|beteken|betekenen|bedoelen jullie met|bedoelt u met|bedoel je met|houdt|wil|zijn|is|doet|doen)( (een|n|'n|a|an|de|het|t|'t|dat|die|dan|nou))*|wie (is|zijn)( (de|het|die|dat|nou|dan|eigenlijk|nu|onze|jullie))*|wie (zit|zitten) (er )?in( (de|het|die|dat))*|who (is|are|sits|sit) (in|on)( (a|an|the))?|(de )?betekenis van( (een|de|het))?|uitleg (over|van)( (een|de|het))?|leg (eens )?uit( wat)?( (een|de|het))?|what (does|do|is|are)( (a|an|the))?|what s( (a|an|the))?|(whats|wats)( (a|an|the))?|who (is|are)( the)?|meaning of( (a|an|the))?|explain( (a|an|the))?`
  // English as people write it who learned it late: "what means", "what is mean", "what does mean", "what is the meaning of".
  + String.raw`|what( (is|does|do|s))? (mean|means|meaning)( (of|by))?( (a|an|the))?|what (is|s) the meaning of( (a|an|the))?|${HOW_TO_DO})$`);
/** What may follow the word in such a question ("wat houdt verdaging in?", "what does X mean exactly"). */
// "wat doet de welstandscommissie?", "what does the welstand committee do?": what a body does is what it is.
// "what does bsn stand for?", "what is a bsn for": what a short name stands for is what it is.
// "hoe maak ik een digid aan?": the way to get it (`how`).
const ASKS_AFTER = /^((in|aan|hier|here|nu|now|inhouden|zeggen|betekenen|betekent|dan|precies|eigenlijk|nou|nu|mean|means|exactly|then|actually|please|pls|aub|ajb|sturen|versturen|opsturen|maken|schrijven|doen|send|write|make|do|stand|stands|for)( |$))*$/;
/** "hoe heet de burgemeester?", "what's the name of the mayor?": who, asked by the name (only of a body or a person: `who`). */
const NAME_BEFORE = /(^|\s)(hoe (heet|heten)( (de|het|die|onze|jullie|eigenlijk|nu))*|wat (is|zijn) de na(a)?m(en)? van( (de|het|onze|jullie))?|(what is|whats|what s|what are) the names? of( (the|your|our))?|who (is|are) (your|our)|wie (is|zijn) (hier|nu) de)$/;
/** "wie is de wethouder van zorg?", "who is the alderman for housing": of a body or a person (`who`), which one may follow it. */
const WHO_AFTER = /^(van|voor|of|for|in) \S+( \S+){0,2}$/;
/** "wat is het besluit?" asks which decision, not what a decision is: an article after "wat is" only for a body ("wat is de welstandscommissie"). */
const WHICH_ONE = /(^|\s)(wat is|wt is|what is|whats|wats|what s) (de|het|t|'t|the)$/;
/** "wie is dat?", "who are they?" after a status that names one body. */
const WHO_IS_THAT = /^\s*((en|maar|and|but|ok|sorry)[,]?\s+)*(wie (is|zijn) (dat|dit|die|dat dan|die dan|het)|wie zijn dat dan|who (is|are) (that|they|those|them|these)|who'?s that)\s*[?!.]*\s*$/i;

/**
 * "wie is die commissie?", "wat doet die commissie dan?", "who is that committee?" right after a status that names the
 * welstandscommissie: "that X", where X is how a longer wording of a term the answer named ends (not "wat is het besluit?",
 * which asks which decision). The noun is group 1 (Dutch) or 2 (English).
 */
const THAT_ONE = /^\s*(?:(?:en|maar|and|but|ok|sorry)[,]?\s+)*(?:wie|wat) (?:is|zijn|doet|doen) (?:die|dat|deze|dit) (\p{L}{5,})(?: (?:nou|dan|precies|eigenlijk))*\s*[?!.]*\s*$|^\s*(?:(?:en|maar|and|but|ok|sorry)[,]?\s+)*(?:who|what) (?:is|are|does|do) (?:that|this|those|these) (\p{L}{5,})(?: do)?(?: (?:then|exactly|actually))*\s*[?!.]*\s*$/iu;

/** The one term the last answer named whose wording ends in `noun` ("commissie": welstandscommissie), or null. */
function namedEndingIn(state: DialogState, glossary: readonly GlossaryTerm[], noun: string): GlossaryTerm | null {
  const end = noun.toLowerCase();
  const named = (state.lastAnswer?.terms ?? []).map((id) => glossary.find((t) => t.id === id)).filter((t): t is GlossaryTerm => !!t && t.words.some((w) => w.length > end.length && w.toLowerCase().endsWith(end)));
  return named.length === 1 ? named[0]! : null;
}

const MAX_WORDS = 14;
/** A last sentence that only asks what "this" is ("… over een 'beschikking'. wat is dat?", "what does it mean"). */
const POINTS_BACK = /[.!?:;,"'”]\s*((en|maar|and|but|so)\s+)?(wat (is|betekent|bedoelen jullie met) (dat|dit|het)( nou| dan| precies)?|wat wil (dat|dit) zeggen|what (is|'?s) (this|that|it)|whats (this|that|it)|what does (this|that|it) mean|what do(es)? (this|that|it) mean)\s*[?!.]*\s*$/i;

/** Status texts repeat (one per case): the terms each names, remembered per glossary, up to this many texts. */
const KNOWN_TEXTS = 1000;
const named = new WeakMap<readonly GlossaryTerm[], Map<string, string[]>>();

/** The ids of the terms a status text names ("advies welstandscommissie gevraagd": welstandscommissie). */
export function termIdsIn(glossary: readonly GlossaryTerm[], text: string): string[] {
  let known = named.get(glossary);
  if (!known) named.set(glossary, (known = new Map()));
  let ids = known.get(text);
  if (!ids) {
    ids = termsIn(glossary, text).map((f) => f.term.id);
    if (known.size >= KNOWN_TEXTS) known.clear();
    known.set(text, ids);
  }
  return ids;
}

/**
 * A cheap first look, since every message passes here: a question of meaning has one of these words,
 * or is a word or three with a question mark ("kwijtschelding?").
 */
const MAYBE = /(^|[^\p{L}])(wat|wt|wie|hoe heet|hoe heten|name|names|betekent|betekend|betekenis|uitleg|leg|what|whats|wats|who|whos|meaning|explain|hoe (doe|stuur|maak|schrijf|geef|regel) ik|how (do|can|should) i (send|give|make|write|do))([^\p{L}]|$)|^\s*\S+(\s+\S+){0,2}\s*\?\s*$/iu;

/**
 * "deadline?" alone right after the answer on which papers to send: by when they must be in, a narrower case of that
 * answer by its words for right after it (documents' paper_deadline), not what the decision term means.
 */
const askedOfAnswer = (state: DialogState, msg: string, dialogs: DialogSet): boolean => {
  const last = lastAnswered(state, dialogs);
  return !!last && !!keptToTopic(last, msg, state.lastAnswer?.topic);
};

/** The term the message asks the meaning of, if it asks one. */
function asked(state: DialogState, msg: string, dialogs: DialogSet): Found | null {
  const glossary = dialogs.glossary;
  if (glossary.length === 0 || msg.length > 200 || !MAYBE.test(msg)) return null;
  // "it say something about 'beschikking'. what is this": one word of the glossary, then a question that points back at it.
  if (POINTS_BACK.test(msg)) {
    // "i got letter from gemeente … about 'beschikking'. what is this": the word of the letter, not the municipality.
    const all = termsIn(glossary, msg);
    const found = all.some((f) => !f.term.common) ? all.filter((f) => !f.term.common) : all;
    if (found.length > 0 && found.every((f) => f.term === found[0]!.term)) return found[0]!;
  }
  if (words(msg).length > MAX_WORDS) return null;
  if (WHO_IS_THAT.test(msg)) {
    const named = state.lastAnswer?.terms?.map((id) => glossary.find((t) => t.id === id)).filter((t) => t?.who) ?? [];
    return named.length === 1 ? { term: named[0]!, word: named[0]!.words[0]!, before: '', after: '' } : null;
  }
  const that = THAT_ONE.exec(msg);
  const ending = that ? namedEndingIn(state, glossary, (that[1] ?? that[2])!) : null;
  if (ending) return { term: ending, word: ending.words[0]!, before: '', after: '' };
  const alone = /\?\s*$/.test(msg) && words(msg).length <= 3;
  for (const f of termsIn(glossary, msg)) {
    if (!ASKS_AFTER.test(f.after) && !(f.term.who && WHO_AFTER.test(f.after))) continue;
    if (alone && f.before === '' && !askedOfAnswer(state, msg, dialogs)) return f;
    // "wat is de gemeente?", "what is the brp": of a thing there is one of (`one`), what it is.
    if (ASKS_BEFORE.test(f.before) && (f.term.who || f.term.one || !WHICH_ONE.test(f.before))) return f;
    if (f.term.who && NAME_BEFORE.test(f.before)) return f;
  }
  return null;
}

/** "how do i make a digid", "hoe maak ik een digid aan": the term whose `how` answer says that, when the message asks so. */
export function askedHow(state: DialogState, msg: string, dialogs: DialogSet): GlossaryTerm | null {
  const found = asked(state, msg, dialogs);
  return found?.term.how && HOW_BEFORE.test(found.before) ? found.term : null;
}

/** The glossary's explanation when the message asks what one of its words means; null otherwise. */
export function explainTerm(state: DialogState, msg: string, nlu: ParseResult, dialogs: DialogSet): StepResult | null {
  const found = asked(state, msg, dialogs);
  return found ? explained(state, found.term, nlu, dialogs) : null;
}

/** The term's explanation, what the answer before said of a case kept. */
export function explained(state: DialogState, term: GlossaryTerm, nlu: ParseResult, dialogs: DialogSet): StepResult {
  const t = trace(dialogs, {
    dialog: 'glossary', step: term.id, intent: nlu.intent.name, confidence: nlu.intent.confidence,
    sources: [{ kind: 'dialog', ref: 'dialogs/glossary.yaml' }, { kind: 'rule', ref: `glossary:${term.id}` }],
  });
  const prev = state.lastAnswer;
  // What the status meant, its payment and its date stay answerable ("en wanneer hoor ik het?").
  // So does the topic its case type names, and its decision: "en wat als ze nee zeggen?" after the welstandscommissie
  // was explained (itself after a dormer's status) got "Dat kan ik niet beantwoorden"; it is still about that permit.
  const kept = { ...(prev?.means ? { means: prev.means } : {}), ...(prev?.paid ? { paid: prev.paid } : {}), ...(prev?.dated ? { dated: prev.dated } : {}), ...(prev?.terms ? { terms: prev.terms } : {}), ...(prev?.unfinished ? { unfinished: prev.unfinished } : {}),
    ...(prev?.caseTopic ? { caseTopic: prev.caseTopic } : {}), ...(prev?.decision ? { decision: prev.decision } : {}) };
  return {
    state: { ...state, fallbacks: 0, lastAnswer: { trace: t, explain: texts(dialogs, 'glossary.why', { word: term.words[0]! }), ...kept } },
    replies: [{ text: term.explain[state.lang], trace: t }],
    effects: [],
  };
}

/** "Hoeveel krijg ik dan?", "how much is it?": the amounts, asked right after a term's explanation. */
const HOW_MUCH = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(hoeveel (krijg|is|wordt|word|bedraagt|betaalt|betalen) (ik|dat|het|die|u|jullie)( (dan|precies|ongeveer|per dag|me|mij))*|hoeveel geld( is dat| krijg ik)?( dan)?|hoe hoog is (die|de|het|dat)( \w+)?( dan)?|wat is het bedrag( dan)?|how much (do i get|is (it|that)|will i get|would i get|money)( then| exactly| per day)?|what is the amount)\s*[?!.]*\s*$/i;

/** The amounts of the term explained just before, when the message asks how much; null otherwise. */
export function termAmounts(state: DialogState, msg: string, nlu: ParseResult, dialogs: DialogSet): StepResult | null {
  const last = state.lastAnswer?.trace;
  if (last?.dialog !== 'glossary' || !HOW_MUCH.test(msg)) return null;
  const term = dialogs.glossary.find((t) => t.id === last.step);
  if (!term?.how_much) return null;
  const t = trace(dialogs, {
    dialog: 'glossary', step: term.id, intent: nlu.intent.name, confidence: nlu.intent.confidence,
    sources: [{ kind: 'dialog', ref: 'dialogs/glossary.yaml' }, { kind: 'rule', ref: `glossary:${term.id}:how_much` }],
  });
  return { state: { ...state, fallbacks: 0, lastAnswer: { ...state.lastAnswer!, trace: t } }, replies: [{ text: term.how_much[state.lang], trace: t }], effects: [] };
}
