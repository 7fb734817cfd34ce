/**
 * What follows the acknowledgement of a special situation, when the intent's answer would not fit
 * (step.ts answers the intent otherwise). Pure, like step.ts.
 */
import type { ParseResult } from '../nlu/types.ts';
import { answer } from './answer.ts';
import { isWithin, mentionsBeside, wordCount } from './variants.ts';
import { bestNamed } from './variant-choice.ts';
import { theirMatter } from './their-matters.ts';
import type { StepContext } from './step.ts';
import { text, texts, trace } from './texts.ts';
import type { DialogSet, DialogState, StepResult } from './types.ts';

/** A benefit or allowance, as citizens name one. */
const BENEFIT_WORD = String.raw`(uitkering\w*|uitkerin|bijstand\w*|\w*toeslag\w*|toelage|pgb|aow|aanvulling|betaling\w*|benefits?|allowances?|payments?|supplement)`;

/**
 * "ik heb schulden en kan de huur niet betalen" tells of the citizen's own bills: no question, and
 * none about a payment of ours (a benefit, an allowance, an advance). Then the payment answer (when
 * benefits are paid) answers nothing asked. Any question word, in any spelling, or a payment of
 * ours named keeps it.
 */
const ASKS_OR_OURS = new RegExp([
  String.raw`\?`,
  String.raw`\b(wanneer|wnr|wanner|waneer|wneer|wnneer|when|wen|hoe|how|hoeveel|wat|what|wa|waar|where|welk|welke|which|waarom|why|weten|know|klopt|is er|is there)\b`,
  // A verb before its subject at the start of a sentence or clause: "krijgt hij nog …", "of krijg ik geld", "has the money been sent".
  String.raw`(^|[.!;,]\s*|\b(en|maar|of|and|but|or)\s+)(kan|kun|kunt|kunnen|mag|moet|krijg|krijgt|krijgen|wordt|word|is|heeft|heb|hebt|can|could|may|does|do|did|has|have|will|are)\s+(ik|je|jij|u|jullie|we|wij|er|hij|zij|ze|het|dat|mijn|zijn|haar|i|you|it|he|she|they|the|my|his|her|there)\b`,
  String.raw`\b(can|could|kun|kunt|kunnen|wil|wilt|willen)\s+(you|u|jullie|je)\b`,
  String.raw`\b(vergoeding|voorschot|gestort|overgemaakt|uitbetaald|ontvangen|kinderbijslag\w*|advance|paid|received|geld\s+(is|staat|komt|nog))\b`,
  String.raw`\b${BENEFIT_WORD}\b`,
].join('|'), 'i');

/**
 * The intents whose answer speaks to the living citizen's own benefit, and the deceased's benefit
 * named: "haar uitkering", "his last payment", or a benefit to stop ("de uitkering stopzetten"), or who
 * must be told ("who do I need to inform?"). Not "wanneer krijg ik mijn eigen uitkering" after a death.
 */
const AFTER_DEATH_INTENTS: ReadonlySet<string> = new Set(['change_details', 'payment', 'documents']);
/** "haar uitkering", "his last payment": the benefit of who died, named as theirs. */
const THEIR_BENEFIT = new RegExp(String.raw`\b(zijn|haar|z'n|zn|hun|his|her|their)\s+(\S+\s+)?${BENEFIT_WORD}\b`, 'i');
const BENEFIT = new RegExp([
  THEIR_BENEFIT.source,
  String.raw`\b${BENEFIT_WORD}\b.*\b(stop\w*|beëindig\w*|opzeggen|cancel\w*)\b`,
  String.raw`\b(stop\w*|beëindig\w*|opzeggen|cancel\w*)\b.*\b${BENEFIT_WORD}\b`,
].join('|'), 'i');
/**
 * "moet ik haar uitschrijven?", "do I need to deregister him?", "moet ik hem afmelden bij de gemeente?": taking
 * who died out of the records, which the registration of the death does. Not oneself ("moet ik me uitschrijven").
 */
const THEIR_DEREGISTRATION = new RegExp(String.raw`\b(haar|hem|zijn|hun|her|him|them|mijn\s+(moeder|vader|man|vrouw|partner|zoon|dochter|broer|zus|oma|opa|ma|pa)|my\s+(mother|mum|mom|father|dad|husband|wife|partner|son|daughter|brother|sister|gran|grandma|grandpa))\s+((laten|even|nog|ook|bij\s+(de\s+)?gemeente|officieel)\s+)*(uitschrijven|uit\s+laten\s+schrijven|afmelden|deregister|de-register|unregister)\b|\b(uitschrijven|afmelden|deregister|de-register|unregister)\s+(van\s+|voor\s+)?(haar|hem|her|him|them)\b`, 'i');
/** "Who do I need to inform?", "wie moet ik inlichten?", "moet ik dat doorgeven of weet de gemeente het al?": who hears of the death. */
const WHO_TO_TELL = new RegExp([
  String.raw`\bwie\s+(moet|moeten|hoef)\s+(ik|we|wij)\s+(\S+\s+)?(inlichten|informeren|laten weten|bellen)\b`,
  String.raw`\bwho\s+(do|should|must)\s+(i|we)\s+(need\s+to\s+|have\s+to\s+)?(inform|tell|notify|call)\b`,
  String.raw`\b(moet|hoef|moeten)\s+(ik|we|wij)\s+((het|dat|dit|zijn|haar|zelf|ook|nog|overlijden|bij|aan|u|jullie|de|gemeente)\s+){0,4}(doorgeven|melden|laten weten|aangeven)\b`,
  String.raw`\bwat\s+(moet|moeten)\s+(ik|we|wij)\s+(nu\s+|allemaal\s+)?(doorgeven|melden|regelen)\b`,
  String.raw`\b(do|should|must)\s+(i|we)\s+(need\s+to\s+|have\s+to\s+)?(tell|inform|notify|report)\s+(you|u|the\s+municipality|the\s+council|it|that|this)\b`,
  String.raw`\bwhat\s+(do|should|must)\s+(i|we)\s+(need\s+to\s+|have\s+to\s+)?report\b`,
  // "my mother died, what do I need to arrange?" got only the condolences, where "… wat moet ik regelen" got what to do:
  // the English of "regelen", and "what do I have to do" / "wat moet ik doen" as the message's last words.
  String.raw`\bwhat\s+(do|should|must)\s+(i|we)\s+(need\s+to\s+|have\s+to\s+)?(now\s+)?(arrange|sort\s+out|organi[sz]e)\b`,
  String.raw`\bwhat\s+(do|should|must)\s+(i|we)\s+(need\s+to\s+|have\s+to\s+)?(now\s+)?do(\s+now)?\s*[?!.]*\s*$`,
  String.raw`\bwat\s+(moet|moeten)\s+(ik|we|wij)\s+(nu\s+|allemaal\s+)?doen(\s+nu)?\s*[?!.]*\s*$`,
  // "mijn oma is overleden wat nu": the same, in two words.
  String.raw`\b(wat|what)\s+(nu|nou|now)\s*[?!.]*\s*$`,
  String.raw`\b(weet|weten)\s+(de\s+gemeente|jullie|u)\s+(dat|het)\s+(al|vanzelf)\b|\bis\s+it\s+automati?c`,
].join('|'), 'i');
/** Something of the citizen's own to report after a death: a move, an address, a bank account, "my own". */
const OWN_CHANGE = /\b(verhuiz\w*|verhuisd|nieuw\w*\s+adres|adres|rekeningnummer|iban|mijn\s+eigen|my\s+own|mov(e|ed|ing)|new\s+address|bank\s+account)\b/i;

const TRAVEL = /\b(buitenland|reis|reizen|erheen|ernaartoe|vliegen|travel|travelling|traveling|abroad|fly|flying|trip)\b/i;

/** A passport, ID card or driving licence, as people name them. */
const DOCUMENT = String.raw`(paspoort|id-?kaart|id kaart|identiteitskaart|identiteitsbewijs|rijbewijs|passport|id card|id-card|identity card|driving licen[cs]e)`;
/** "zijn paspoort", "her ID card": an identity document of someone else, after a death told: theirs. */
const THEIR_DOCUMENT = new RegExp(String.raw`\b(zijn|haar|z'n|zn|hun|his|her|their)\s+(oude\s+|old\s+)?${DOCUMENT}\b`, 'i');
/** "en het rijbewijs?", "and the ID card?": another document of theirs, right after the answer on one (not "mijn …"). */
const AND_THE_DOCUMENT = new RegExp(String.raw`^\s*(en|and|ook|also|what about|en wat met|en hoe zit het met)\s+(het|de|dat|die|the)?\s*${DOCUMENT}\s*[?!.]*\s*$`, 'i');

/**
 * After a death told in the conversation, a passport, ID card or driving licence named as his, hers or
 * theirs ("moet ik zijn paspoort inleveren?", "en zijn rijbewijs?"), or the next one named right after
 * that answer ("en het rijbewijs?"): the answer on the documents of who died (documents/id_deceased),
 * whatever the intent (none, while waiting, was kept for the person). A narrower case of it the message
 * names by that variant's own words gets its own (a licence alone: it is not handed in); the death
 * needs no saying again. One's own stays one's own. `base`: the state out of any flow.
 */
export function theirDocument(state: DialogState, base: DialogState, ctx: StepContext, nlu: ParseResult): StepResult | null {
  if (!state.handoffs.some((h) => h.reason === 'bereavement') || TRAVEL.test(nlu.text)) return null;
  const documents = ctx.dialogs.intents.get('documents');
  const deceased = documents?.variants?.find((v) => v.id === 'id_deceased');
  if (!documents || !deceased) return null;
  const theirs = documents.variants!.filter((v) => v === deceased || isWithin(v, deceased.id));
  const next = theirs.some((v) => v.id === state.lastAnswer?.topic) && AND_THE_DOCUMENT.test(nlu.text);
  if (!THEIR_DOCUMENT.test(nlu.text) && !next) return null;
  const narrower = bestNamed(theirs.filter((v) => v !== deceased && mentionsBeside(v, nlu.text)), nlu.text);
  return answer(base, ctx, nlu, documents, narrower ?? deceased);
}

/** "wat moet ik nu regelen?", "what do I need to do now?": the whole question, what to arrange after the death told. */
const WHAT_TO_ARRANGE = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(wat|what)\s+(moet|moeten|hoef|do|should|must)\s+(ik|we|wij|i)\s+((nu|dan|allemaal|eigenlijk|need\s+to|have\s+to|now)\s+)*(regelen|doen|arrange|do|sort\s+out)(\s+(nu|now|first|eerst))?\s*[?!.]*\s*$/i;

/** "wie moet ik allemaal inlichten?", "who do I need to tell?": the whole question. */
const WHOM_TO_TELL = /^\s*((en|maar|ok(é|e)?|and|but|so)[,]?\s+)?(wie|who)\s+(moet|moeten|hoef|do|should|must)\s+(ik|we|wij|i)\s+((nu|dan|allemaal|eigenlijk|nog|need\s+to|have\s+to|now|all)\s+)*(inlichten|informeren|laten\s+weten|bellen|inform|tell|notify|call)(\s+(nu|now|first|eerst))?\s*[?!.]*\s*$/i;

/**
 * "moet ik het zelf doorgeven?", "moet ik t zelf melden", "do i need to tell you myself?": the whole question, whether to
 * report the death told. It got how to report a move, and the papers an application needs.
 */
const REPORT_IT = new RegExp([
  String.raw`^\s*((en|maar|ok(é|e)?)[,]?\s+)?(moet|moeten|hoef|hoeven)\s+(ik|we|wij)\s+((het|t|'t|dat|dit|dat\s+ook|het\s+overlijden|zijn\s+overlijden|haar\s+overlijden|zelf|nog|ook|eerst|bij\s+(jullie|u|de\s+gemeente)|aan\s+(jullie|u|de\s+gemeente))\s+){0,4}(door\s*geven|melden|laten\s+weten|aangeven)(\s+(bij|aan)\s+(jullie|u|de\s+gemeente))?\s*[?!.]*\s*$`,
  String.raw`^\s*((and|but|so)[,]?\s+)?(do|should|must)\s+(i|we)\s+(need\s+to\s+|have\s+to\s+)?(tell|inform|notify|report)(\s+(it|this|that|the\s+death|his\s+death|her\s+death|you|the\s+municipality|the\s+council|myself|ourselves|too|as\s+well)){0,4}\s*[?!.]*\s*$`,
].join('|'), 'i');

/**
 * After a death told in the conversation (also while waiting for the person it promised), a message that
 * only asks what to arrange, or who must be told, or whether to report the death oneself: what the registration
 * of the death does by itself and what is the citizen's to do. Not with a situation of its own in it, nor about the citizen's own change.
 */
export function arrangeAfterDeath(state: DialogState, base: DialogState, ctx: StepContext, nlu: ParseResult): StepResult | null {
  if (nlu.handoffs.length > 0 || !state.handoffs.some((h) => h.reason === 'bereavement')) return null;
  // Only "wie moet ik inlichten?" of the ways WHO_TO_TELL reads: "ik ga samenwonen, moet ik dat doorgeven?" is the citizen's own.
  // Whether to report "it" right after a change of the citizen's own ("ik ga verhuizen") is that change.
  const reportIt = REPORT_IT.test(nlu.text) && state.lastAnswer?.trace.dialog !== 'change_details';
  if (!(WHAT_TO_ARRANGE.test(nlu.text) || WHOM_TO_TELL.test(nlu.text) || reportIt) || OWN_CHANGE.test(nlu.text) || TRAVEL.test(nlu.text)) return null;
  return afterDeath(base, ctx.dialogs, nlu);
}

/** The bank, the landlord, an insurer: whom the after-death answer leaves the citizen to tell. */
const TOLD_BY_YOU = /\b(bank|banken|verhuurder|huisbaas|woningcorporatie|woningbouw\w*|verzeker\w*|landlord|insurers?|insurance|housing\s+(association|corporation)|huur|huurcontract|huurhuis|huurwoning|rent|tenancy|lease)\b/i;
/** The answer's sentence that names them ("De bank, de verhuurder en verzekeraars moet u wel zelf laten weten."). */
const TELL_YOURSELF = /\b(bank)\b[^.]*\.$/i;
/** Words up to which a question right after that answer is about those it names. */
const TOLD_BY_YOU_WORDS = 10;

/**
 * "moet ik de bank bellen?", "and the landlord?" right after the answer on what the registration of a death arranges by
 * itself: that answer's sentence on whom the citizen tells themselves, alone. It got the general answer on the papers an
 * application needs. Only a short message right after that answer, with no situation of its own in it.
 */
export function toldByYou(state: DialogState, ctx: StepContext, nlu: ParseResult): StepResult | null {
  const prev = state.lastAnswer?.trace;
  if (nlu.handoffs.length > 0 || prev?.dialog !== 'bereavement' || prev.step !== 'after_death') return null;
  if (wordCount(nlu.text) > TOLD_BY_YOU_WORDS || !TOLD_BY_YOU.test(nlu.text)) return null;
  const sentence = text(ctx.dialogs, 'answer.after_death', state.lang).split(/(?<=[.!?])\s+/).find((x) => TELL_YOURSELF.test(x));
  if (!sentence) return null;
  const t = trace(ctx.dialogs, { dialog: 'bereavement', step: 'told_by_you', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }] });
  // The sentence alone: the person that answer promised is on the way ("Typ dan: medewerker" would ask for a second).
  return { state: { ...state, fallbacks: 0 }, replies: [{ text: sentence, trace: t }], effects: [] };
}

/** Words up to which "en de huur?" is only that question. */
const RENT_ONLY_WORDS = 4;
/**
 * "en de huur?" right after the answer on what the registration of a death arranges by itself: whom to tell (the
 * landlord), though the learned model alone read money trouble in it ("Ik hoor dat u geldzorgen heeft", schuldhulp).
 * Only a message of a few words naming one of them, and only a situation no lexicon phrase found: "ik kan de huur
 * niet betalen" keeps its handoff.
 */
export function asksWhomToTellOnly(state: DialogState, nlu: ParseResult): boolean {
  const prev = state.lastAnswer?.trace;
  return prev?.dialog === 'bereavement' && prev.step === 'after_death' && wordCount(nlu.text) <= RENT_ONLY_WORDS && TOLD_BY_YOU.test(nlu.text)
    && nlu.handoffs.length > 0 && nlu.handoffs.every((h) => h.reason === 'financial_hardship' && !h.lexicon);
}

/** After a death: a benefit of the municipality stops by itself; a person helps with the rest. */
function afterDeath(state: DialogState, dialogs: DialogSet, nlu: ParseResult): StepResult {
  const t = trace(dialogs, { dialog: 'bereavement', step: 'after_death', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/messages.yaml' }, { kind: 'rule', ref: 'benefit-stops-after-death' }] });
  const answered: DialogState = { ...state, fallbacks: 0, lastAnswer: { trace: t, explain: texts(dialogs, 'why.after_death') } };
  return { state: answered, replies: [{ text: text(dialogs, 'answer.after_death', state.lang), trace: t }], effects: [] };
}

/**
 * The answer instead of the intent's after a situation was acknowledged, or null to answer the intent.
 * `state`: as the turn left it; `base`: the same out of any flow; `named`: the message named a variant
 * (or a topic elsewhere) of the intent; `acknowledged`: the situation was acknowledged in this message.
 * A death told earlier in the conversation still holds ("mijn moeder is overleden", then, while
 * waiting for the person, "moet ik haar uitkering stoppen?").
 */
export function afterSituation(state: DialogState, base: DialogState, ctx: StepContext, nlu: ParseResult, intentId: string, named: boolean, acknowledged: boolean): StepResult | null {
  // "mijn moeder is overleden en ik wil haar uitkering stopzetten": not how to report a change with
  // one's own DigiD, but that the benefit stops by itself once the death is registered.
  // Not when the citizen travels for it ("moet erheen voor de begrafenis, moet ik dat doorgeven"): a stay abroad is theirs to report.
  // Nor when the citizen has a change of their own to report (a move, an account): that is theirs to do.
  // In a later message only the benefit named as theirs ("moet ik haar uitkering stoppen"): "ik heb werk
  // gevonden en wil mijn bijstand stopzetten" or "moet ik dat doorgeven?" about moving in is the citizen's own.
  // So is who died taken out of the records ("moet ik haar uitschrijven?"): the registration of the death does that.
  const about = acknowledged ? BENEFIT.test(nlu.text) || (WHO_TO_TELL.test(nlu.text) && !OWN_CHANGE.test(nlu.text)) : THEIR_BENEFIT.test(nlu.text) || THEIR_DEREGISTRATION.test(nlu.text);
  // The death may be told beside a stronger situation ("… overleden en ik kan de huur niet betalen"): the handoff is that one's.
  // In a later message the death told still holds after another situation ("en de huur", read as money trouble, then
  // "wat gebeurt er met zijn bijstand" got when benefits are paid): the benefit named as theirs says whose.
  const bereaved = state.handoffs.at(-1)?.reason === 'bereavement' || (acknowledged && nlu.handoffs.some((h) => h.reason === 'bereavement'))
    || (!acknowledged && state.handoffs.some((h) => h.reason === 'bereavement'));
  // A message no intent takes ("mijn vader is overleden, wat moet ik doen?") only when the death told in it is the
  // situation handed on: beside debts ("… en ik kan de huur niet betalen, wat moet ik doen") what to do is about those.
  const fits = AFTER_DEATH_INTENTS.has(intentId) || (acknowledged && intentId === 'none' && state.handoffs.at(-1)?.reason === 'bereavement');
  if (bereaved && fits && about && !TRAVEL.test(nlu.text)) return afterDeath(base, ctx.dialogs, nlu);
  // The person promised is the answer; the payment answer after it would answer nothing asked.
  if (acknowledged && intentId === 'payment' && !named && !ASKS_OR_OURS.test(nlu.text)) return { state, replies: [], effects: [] };
  // Nor, under condolences, the general answer on papers ("identiteitsbewijs en bewijs van uw inkomen")
  // for "moet ik iets doen voor haar kwijtschelding?": what a death means for a case is the person's to say.
  if (acknowledged && bereaved && intentId === 'documents' && !named) return { state, replies: [], effects: [] };
  return null;
}

/**
 * What a later message asks after a death told in the conversation, or null: the documents of who died, what to arrange
 * or whom to tell, whom the answer on that leaves the citizen to tell, another thing of theirs.
 */
export function afterDeathAsked(state: DialogState, base: DialogState, ctx: StepContext, nlu: ParseResult): StepResult | null {
  return theirDocument(state, base, ctx, nlu) ?? arrangeAfterDeath(state, base, ctx, nlu) ?? toldByYou(state, ctx, nlu) ?? theirMatter(state, base, ctx, nlu);
}
