/**
 * "en dan?", "en daarna?", "and then?", "wat gebeurt er daarna?" right after an answer: the citizen asks
 * the next step, which the answer's `next_step` text tells (dialogs/intents/*.yaml: after applying for an
 * ID card, when it is collected; after asking remission, the letter with the decision). Before, they got
 * "Wat ik erover weet, staat in mijn antwoord hierboven". An answer with no next step in the dialogs says
 * its own sentence on when, as for "wanneer?" (a BRP extract: "U krijgt het binnen 5 werkdagen per post"),
 * or, with none, says plainly that it knows no next step and offers a person (`answer.next_step_unknown`). Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { asksSpeedUp, whySlowAlone } from './about-status.ts';
import { afterAnAnswer } from './last-answer.ts';
import { lastAnswered, lastText, quoteKey, sentencesOf } from './answer-sentences.ts';
import { asksInTime, timeInAnswer } from './time-in-answer.ts';
import { text, trace } from './texts.ts';
import type { DialogSet, DialogState, IntentDef, StepResult, Texts } from './types.ts';

/**
 * The whole message asks what comes next: "en dan?", "ok en daarna?", "wat gebeurt er dan?", "wat is de
 * volgende stap?", "wat moet ik daarna doen?", "and then?", "what happens next?". Not "en nu?", "wat nu?",
 * "what now?": those ask what to do first, which the answer's own first step tells (last-answer.ts).
 */
const NEXT = new RegExp(
  '^\\s*((ok(é|e|ay)?|oke|oh|ah|ja|yes|right|goed|prima|dus|so)[,.!]?\\s+)?(' +
    [
      '(en|and)\\s+(dan|daarna|daarna dan|toen|verder|dan verder|then|after that|next|then what)',
      'daarna|dan|then|next|then what|what next|what then|wat dan|en verder',
      'wat (gebeurt|komt) (er )?(dan|daarna|hierna|vervolgens)',
      'wat (is|zijn) (dan |daarna )?de volgende stap(pen)?',
      'wat moet ik (daarna|hierna|vervolgens) (nog )?doen',
      'what happens (then|next|after that|afterwards)',
      "what('s| is) (the )?next( step)?",
      'what do i (do |have to do |need to do )?(then|next|after that)',
      'and what happens (then|next|after that)',
    ].join('|') +
    ')\\s*[?!.]*\\s*$',
  'i',
);
/** "En?", "so?", "and?", "dus?" alone, asked (with a question mark): the same; without one, maybe a message sent half. */
const BARE_AND = /^\s*(en|and|so|dus)\s*\?+\s*$/i;
export const asksNextStep = (msg: string): boolean => NEXT.test(msg) || BARE_AND.test(msg);
/**
 * "krijg ik bericht?", "will i hear back?": whether something comes after it. The next step tells, where the answer has
 * one of its own (objecting: a letter that it was received); else the answer's own words (the move's confirmation).
 */
const HEAR_BACK = /^\s*((ok(é|e|ay)?|oke|en|and|so|dus)[,.!]?\s+)?(krijg ik (nog |dan |wel |een )*(bericht|antwoord|reactie)( van jullie| van u)?|hoor ik (nog |dan |wel )*(iets|wat)( van jullie| van u)?|will i (hear back|hear from you|get a (reply|response))|do i get a (reply|response))\s*[?!.]*\s*$/i;

/** The next step of the last answer: its variant's (or the same topic's in another intent), or the intent's own. */
function nextStepOf(dialogs: DialogSet, state: DialogState, last: IntentDef): Texts | undefined {
  const topic = state.lastAnswer?.topic;
  return topic ? ofTopic(dialogs, last, topic, 'next_step') : last.next_step;
}

/** A text of the topic's variant in `last`, or of the same topic in another intent (the fees of a passport: the passport's). */
function ofTopic(dialogs: DialogSet, last: IntentDef, topic: string, key: 'next_step' | 'speed_up'): Texts | undefined {
  const own = last.variants?.find((v) => v.id === topic)?.[key];
  if (own) return own;
  for (const intent of dialogs.intents.values()) {
    const elsewhere = intent.variants?.find((v) => v.id === topic && v[key])?.[key];
    if (elsewhere) return elsewhere;
  }
  return undefined;
}

/**
 * The reply to "en dan?" right after a plain answer or a variant's; null otherwise (a status, a question
 * asked, nothing before). The answer before stays the one talked about: "waarom?" or "wat kost dat?" after
 * it is still about that answer.
 */
export function nextStep(state: DialogState, dialogs: DialogSet, nlu: ParseResult): StepResult | null {
  const hearBack = !asksNextStep(nlu.text) && HEAR_BACK.test(nlu.text);
  if (!asksNextStep(nlu.text) && !hearBack) return null;
  const last = lastAnswered(state, dialogs);
  if (!last || last.id === 'case_status' || !afterAnAnswer(state, last)) return null;
  const told = nextStepOf(dialogs, state, last);
  if (hearBack && !told) return null;
  // No next step in the dialogs: the answer's own sentence on when ("U krijgt het binnen 5 werkdagen per post"), as for "wanneer?".
  const when = told ? null : timeInAnswer(state, dialogs, state.lang === 'en' ? 'when?' : 'wanneer?');
  const sources = [{ kind: 'dialog' as const, ref: last.file }, ...(state.lastAnswer?.topic ? [{ kind: 'rule' as const, ref: `topic:${state.lastAnswer.topic}` }] : [])];
  const step = told ? 'next_step' : when ? 'time_in_answer' : 'next_step_unknown';
  const t = trace(dialogs, { dialog: last.id, step, intent: nlu.intent.name, confidence: nlu.intent.confidence, sources });
  const said = told ? told[state.lang] : when ? text(dialogs, quoteKey(lastText(state, last), when), state.lang, { sentence: when }) : text(dialogs, 'answer.next_step_unknown', state.lang);
  return { state: { ...state, fallbacks: 0 }, replies: [{ text: said, trace: t }], effects: [] };
}

/**
 * A sentence that says within what time we decide ("U krijgt binnen 8 weken een brief met ons besluit").
 * Not when we pay, nor a decision on money we pay ("Wij laten u binnen 8 weken weten of u bijstand
 * krijgt"): there "kan het sneller?" is payment/pay_earlier's, with the advance for money needed now.
 */
const DECISION_TERM = /^(?=.*\b(besluit|beslissen|beslist|beslissing|weten of|decision|decide|let you know)\b)(?=.*\b\d+\s+(werkdagen|dagen|weken|maanden|working days|days|weeks|months)\b)(?!.*\b(betalen|betaald|betaalt|uitbetaald|pay|paid|bijstand|uitkering|toeslag|social assistance|benefit|allowance)\b)/i;

/** The intent whose topics are things one applies for (a passport, a parking permit, an extract): how fast each goes is theirs. */
const APPLIED_FOR = 'documents';

/**
 * "Kan het sneller?" right after an answer. Its topic's `speed_up` (a passport, also after its fees: the
 * urgent procedure); else a sentence that says within what time we decide (remission): that sentence, and
 * that it mostly cannot go faster, with a person for an urgent reason; else, after something one applies
 * for with no quicker way known (a parking permit's fees), that plainly, with a person. Before, these got
 * when the bijstand is paid ("Eerder uitbetalen kan meestal niet"), or "staat hierboven". Null otherwise
 * (a status has its own, about-status.ts; the payment dates keep pay_earlier).
 */
export function speedUp(state: DialogState, dialogs: DialogSet, nlu: ParseResult): StepResult | null {
  // "i am leaving in 3 days, is that enough time" right after the passport answer asks the same: got "staat hierboven"
  // and "gaat het goed met u?" (the model leaned to "leaving"), or "is that enough time" the opening hours.
  if (!asksSpeedUp(nlu.text) && !asksInTime(nlu.text)) return null;
  const last = lastAnswered(state, dialogs);
  if (!last || last.id === 'case_status' || !afterAnAnswer(state, last)) return null;
  const topic = state.lastAnswer?.topic;
  const reply = (step: string, said: string, rule: string): StepResult => {
    const sources = [{ kind: 'dialog' as const, ref: last.file }, { kind: 'rule' as const, ref: rule }, ...(topic ? [{ kind: 'rule' as const, ref: `topic:${topic}` }] : [])];
    const t = trace(dialogs, { dialog: last.id, step, intent: nlu.intent.name, confidence: nlu.intent.confidence, sources });
    return { state: { ...state, fallbacks: 0 }, replies: [{ text: said, trace: t }], effects: [] };
  };
  const known = topic ? ofTopic(dialogs, last, topic, 'speed_up') : undefined;
  if (known) return reply('speed_up', known[state.lang], 'speed-up');
  const [sentence] = sentencesOf(lastText(state, last), (x) => DECISION_TERM.test(x));
  if (sentence) return reply('speed_up', text(dialogs, 'answer.speed_up', state.lang, { sentence }), 'decided-in-turn');
  const appliedFor = !!topic && !!dialogs.intents.get(APPLIED_FOR)?.variants?.some((v) => v.id === topic);
  return appliedFor ? reply('speed_up_unknown', text(dialogs, 'answer.speed_up_unknown', state.lang), 'speed-up') : null;
}

/**
 * "waarom duurt het zo lang?" right after an answer that is no case's status (when we pay a benefit): not
 * that answer again with "Staat uw vraag hier niet in?". The assistant cannot see why; a person can look.
 */
export function whySlow(state: DialogState, dialogs: DialogSet, nlu: ParseResult): StepResult | null {
  if (!whySlowAlone(nlu.text)) return null;
  const last = lastAnswered(state, dialogs);
  if (!last || last.id === 'case_status' || !afterAnAnswer(state, last)) return null;
  const t = trace(dialogs, { dialog: last.id, step: 'why_slow', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: last.file }] });
  return { state: { ...state, fallbacks: 0 }, replies: [{ text: text(dialogs, 'answer.why_slow', state.lang), trace: t }], effects: [] };
}
