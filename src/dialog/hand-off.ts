/**
 * Handing a conversation to a person: the handoff record (reason, evidence, priority, team, case),
 * the acknowledgement the citizen gets (the lexicon's own, the crisis line), and a callback when the
 * citizen asked to be called. Pure, like step.ts.
 */
import { HANDOFF_PRIORITY, type HandoffReason, type ParseResult } from '../nlu/types.ts';
import { afterConcern } from './concern.ts';
import { teamFor } from './routing.ts';
import type { StepContext } from './step.ts';
import { text, texts, trace } from './texts.ts';
import { askedMinute } from './callback-time.ts';
import { dayAsked } from './opening-hours.ts';
import { isOpen } from '../handoff/office-hours.ts';
import type { DialogSet, DialogState, Effect, HandoffRecord, Source, StepResult } from './types.ts';

/** "Kunt u mij terugbellen?", "call me instead", "kunnen jullie me niet gewoon bellen": a person, by phone. */
const CALLBACK = /\b(terug ?te ?bellen|terug ?bell?e?n?|terugbel(len|le|verzoek)?|bel (me|mij) (terug|op|maar|even|ff|liever|gewoon|dan|toch)|(me|mij) ((even|ff|maar|morgen|vandaag|straks|later|nog|vanmiddag|vanavond|zsm|graag|alsjeblieft|aub|gewoon|liever|toch|dan|niet gewoon) ){0,3}(terug )?bellen|(just |please |pls |plz )(call|phone|ring) me|(call|phone|ring) me (instead|please|pls|then|now|on)|(can|could|will|would|cn|cud) (you|u|someone|somebody|anyone|a person|a staff member) (please |plz |pls )?(call|phone|ring) me|(terug ?)?gebeld (te )?worden|call (me )?back|callback|ring me|phone me|give me a call)\b/i;

/** The callback effect, with the time asked for in the message ("dinsdag om 10 uur"), if one is. */
export function callbackRequest(phone: string, nlu: ParseResult, ctx: StepContext, now: string): Effect {
  const minute = askedMinute(nlu.text);
  if (minute === null) return { type: 'callback_request', phone };
  const day = dayAsked(nlu.text, nlu.entities, new Date(now), ctx.timeZone, ctx.dialogs.holidayNames);
  return { type: 'callback_request', phone, at: day ? { minute, date: day.date } : { minute } };
}

/**
 * A request for a person that asks to be called back gets the callback: with the number in the
 * message at once (the handoff service confirms when), else the assistant asks for the number.
 */
export function withCallback(res: StepResult, nlu: ParseResult, ctx: StepContext, now: string): StepResult {
  if (!CALLBACK.test(nlu.text)) return res;
  const phone = nlu.entities.find((e) => e.type === 'phone')?.value;
  if (phone) {
    return { ...res, state: { ...res.state, facts: { ...res.state.facts, phone } }, effects: [...res.effects, callbackRequest(phone, nlu, ctx, now)] };
  }
  const t = trace(ctx.dialogs, { dialog: 'handoff', step: 'callback_phone', intent: nlu.intent.name, confidence: nlu.intent.confidence, sources: [{ kind: 'dialog', ref: 'dialogs/flows/handoff.yaml' }, { kind: 'rule', ref: 'callback-on-request' }] });
  // A number already known (the case's own, or one given earlier): offered, not asked for again; only its end is shown.
  const known = res.state.facts.phone;
  const asked = known ? text(ctx.dialogs, 'callback.ask_known_phone', res.state.lang, { end: known.slice(-2) }) : text(ctx.dialogs, 'callback.ask_phone', res.state.lang);
  return { ...res, state: { ...res.state, pending: 'callback_phone' }, replies: [...res.replies, { text: asked, trace: t }] };
}

/**
 * Records a handoff and tells the citizen honestly how to reach a person. `queued`: the citizen
 * already waits for a person. For a reason already acknowledged the new words go to the caseworker
 * as evidence and the handoff service says the citizen is in line; the same acknowledgement again
 * would sound like nobody listened (distress always gets the crisis line again).
 */
/** No home, or about to lose it: "ik ben dakloos", "we worden uit huis gezet", "evicted". */
const NO_HOME = /\b(dakloos|thuisloos|op straat (slapen|slaap|staan|sta|wonen|woon|gezet)|(sta|staan) (nu )?op straat|(slaap|slapen|sliep) (buiten|op straat|in (mijn|mn|m'n|de|een|onze) auto|in het park|bij (vrienden|familie) op de bank)|geen (huis|woning|dak boven|slaapplek|slaapplaats|woonplek)|uit (mijn |ons |het )?huis (gezet|zetten)|uithuiszetting|uitgezet|ontruiming|ontruimd|huisuitzetting|uitzetting|homeless|evict\w*|no (home|place to (sleep|live|stay))|sleep(ing)? (rough|outside|on the streets?|in (my|the|a) car)|(don'?t|do not) have a home|(ouders|huisbaas|verhuurder) (hebben|heeft|zet|zette|zetten|gooit|gooide|schopt|schopte|schoppen|trapt|trappen) (me|mij|ons) eruit|nergens om te slapen|waar kan ik (vannacht |vanavond )?slapen|(landlord|landlady|parents) (is |are )?(kicking|throwing|putting|kicked|threw|thrown|put) (me|us) out|have nowhere to (sleep|stay)|where can i sleep)\b/i;

/** The bailiff coming, or pay or goods seized: debt help, and what to do until it comes (handoff-mode.ts). */
export const BAILIFF = /\b(deurwaarder\w*|beslag|beslaglegging|bailiff\w*|seiz\w*|garnish\w*)\b/i;

/** "Ik wil mijn klacht intrekken": a person handles it, but "wat vervelend dat u niet tevreden bent" does not fit. */
const WITHDRAW = /\b(klacht\s+(\S+\s+){0,2}(intrekken|terugtrekken|terug\s+trekken)|trek\w*\s+(mijn|de|die|deze)\s+klacht\s+(\S+\s+)?in|withdraw\w*\s+(my|the|this|that)\s+complaint|(cancel|take\s+back|drop)\s+(my|the|this|that)\s+complaint)\b/i;

/**
 * A complaint about a decision ("ik ben het niet eens met het besluit, ik wil klagen"): the complaint is taken, and
 * the objection is named with its term, since a complaint does not change a decision (the objection does, Awb 6:7).
 */
const DECISION = /\b(besluit|beslissing|beschikking|afwijzing|afgewezen|decision|rejected|refused)\b/i;

/**
 * A complaint about something the citizen can also report or take up straight away: the complaint
 * stays with a person (a citizen who says "klacht" may want a formal one), and the reply names the
 * route the answers on neighbours and waste give, so nobody is left only waiting.
 * "I want to complain about my neighbour noise": Buurtbemiddeling (the variant neighbours of none).
 */
const NEIGHBOURS = /\b(buren|buurman|buurvrouw|bovenburen|onderburen|burenoverlast|burenruzie|buurtbemiddeling|neighbou?rs?|neighbou?r's)\b/i;
/** "ik heb een klacht over het afval dat niet is opgehaald": the report form (the variants waste and street_report of none). */
const REPORTABLE = /\b(afval\w*|vuilnis\w*|grofvuil|gft|kliko\w*|container\w*|zwerfvuil|overlast|herrie|lawaai|geluidsoverlast|lantaarnpa\w*|straatverlichting|stoeptegel\w*|gat in de weg|graffiti|hondenpoep|waste|rubbish|garbage|trash|bins?|litter|noise|nuisance|street ?lights?|pothole|pavement)\b/i;

/** Situations whose acknowledgement has words of its own for what the message says: handoff.<reason>.<kind>. */
/** A child run away or missing ("mijn zoon van 15 is weggelopen"): the police first. */
const CHILD_GONE = /\b(zoon|dochter|kind|kinderen|son|daughter|child|kid)\b(\s+(van\s+)?\(?\d+\)?(\s+jaar)?)?\s+(is|zijn|has|have)?\s*(van huis\s+)?(weggelopen|vermist|niet thuisgekomen|ran away|run away|(didn't|did not|never) (come|came) home)\b/i;
/**
 * No home, read as a crisis by the learned model alone ("ik heb geen huis meer en slaap in mijn auto"):
 * the home first, and the crisis line still. Not when a lexicon found the crisis in words of its own.
 */
/**
 * Danger to life now, to the writer or someone with them ("mijn vriendin heeft pillen geslikt", "ik sta
 * op de brug", "hij heeft zich opgehangen"): 112 first, before the crisis line. Judged per sentence.
 */
const EMERGENCY = /\b((pillen|tabletten|medicijnen|medicatie|paracetamol|slaappillen|pills|tablets|meds|medication)\b.{0,30}\b(geslikt|ingenomen|genomen|gepakt|took|taken|swallowed)\b|(geslikt|ingenomen|took|taken|swallowed)\b.{0,30}\b(pillen|tabletten|paracetamol|slaappillen|pills|tablets)\b|(opgehangen|verhangen|hanged|hung) (zich|zichzelf|himself|herself|themselves)\b|(zich|zichzelf) (opgehangen|verhangen)\b|(staat|sta|zit|ben|is|stands?|standing|am|i'?m) (nu |now )?(op|on) (het|de|the) (dak|brug|spoor|reling|balkon|roof|bridge|ledge|tracks|railway)\b|(op|on) de rand van (het|de) (dak|brug|flat|balkon)\b|on the edge of the (roof|bridge)\b|bewusteloos|unconscious|ademt niet|not breathing|overdos\w*)/i;
/**
 * Not now, or no danger: "vorig jaar", "toen ik 16 was", "in 2019"; pills not taken, or taken as
 * prescribed ("de pillen die ik van de huisarts heb genomen helpen niet").
 */
const NOT_NOW = /\b(vorig jaar|vorige (week|maand)|jaar geleden|jaren geleden|maanden geleden|weken geleden|toen ik|vroeger|ooit|in (19|20)\d\d|last (year|month|week)|years? ago|months ago|weeks ago|when i was|niet (ingenomen|genomen|geslikt)|(not|never|didn'?t|haven'?t) (taken|take|took)|van de (huisarts|dokter|apotheek)|as prescribed|voorgeschreven|helpen niet|don'?t help|doesn'?t help)\b/i;
const EMERGENCY_NOW = { test: (msg: string) => msg.split(/[.!?,;\n]+|\ben nu\b|\band now\b/i).some((part) => EMERGENCY.test(part) && !NOT_NOW.test(part)) };
/** No money for a funeral ("we hebben geen geld voor de begrafenis"): not debt support, but what the municipality can do for it. */
const FUNERAL = /\b(begrafenis\w*|uitvaart\w*|crematie|cremeren|funerals?|cremation|burial)\b/i;
const OWN_WORDS: ReadonlyArray<readonly [HandoffReason, string, { test(msg: string): boolean }, { modelOnly?: true }?]> = [['financial_hardship', 'housing', NO_HOME], ['financial_hardship', 'bailiff', BAILIFF], ['financial_hardship', 'funeral', FUNERAL], ['distress', 'emergency', EMERGENCY_NOW], ['distress', 'housing', NO_HOME, { modelOnly: true }],
  ['complaint', 'withdraw', WITHDRAW], ['complaint', 'decision', DECISION], ['complaint', 'neighbours', NEIGHBOURS], ['complaint', 'report', REPORTABLE], ['vulnerability', 'child_gone', CHILD_GONE]];

export function handOff(state: DialogState, ctx: StepContext, nlu: ParseResult, asked: { reason: HandoffReason; evidence: string; lexicon?: string }, now: string, opts: { queued?: boolean } = {}): StepResult {
  const { dialogs } = ctx;
  const signal = afterConcern(state, asked, nlu.text);
  // The lexicon that found it may have its own answer: handoff.distress.domestic_violence. So may a
  // home lost or about to be: "geldzorgen" and debt support alone would miss it.
  // Violence at home keeps its own text (112 first, then Veilig Thuis).
  // "ik wil een mens spreken" right after the check-in said beside an open question ("weet ik niet meer" to the case
  // number; both replies said "Typ dan: medewerker"): a person for the case or for a crisis only leaned to, so words of
  // its own (check_in), not "Wat naar dat het zo zwaar is", which the citizen never said. A yes to the check-in's own
  // question ("Zal ik een medewerker vragen?") keeps the crisis text.
  const checkIn = asked.reason !== signal.reason && state.concern?.beside ? 'check_in' : undefined;
  const found = signal.lexicon === 'domestic_violence' ? signal.lexicon
    : OWN_WORDS.find(([reason, , words, only]) => reason === signal.reason && !(only?.modelOnly && signal.lexicon) && words.test(nlu.text))?.[1] ?? checkIn ?? signal.lexicon;
  const own = `handoff.${signal.reason}.${found}`;
  const kind = found && dialogs.texts.has(own) ? found : undefined;
  const key = kind ? own : `handoff.${signal.reason}`;
  const record: HandoffRecord = {
    reason: signal.reason,
    evidence: signal.evidence,
    priority: HANDOFF_PRIORITY[signal.reason],
    at: now,
    team: teamFor(dialogs, nlu.intent.name, state.facts.caseType, signal.reason),
    ...(state.facts.caseNumber ? { caseNumber: state.facts.caseNumber } : {}),
    // The rest of the wait speaks of it too (crisis-kind.ts): Veilig Thuis, or 112 first.
    ...(kind ? { kind } : {}),
  };
  const sources: Source[] = [{ kind: 'rule', ref: `handoff:${signal.reason}` }, ...(signal.lexicon ? [{ kind: 'dialog' as const, ref: `dialogs/lexicons/${signal.lexicon}.yaml` }] : [])];
  const t = trace(dialogs, { dialog: 'handoff', step: signal.reason, intent: nlu.intent.name, confidence: nlu.intent.confidence, reason: signal.reason, sources });
  // "ik wil mijn klacht intrekken" while the complaint waits: the withdrawal is news, not the complaint again.
  const withdrawn = kind === 'withdraw' && !state.handoffs.some((h) => h.reason === signal.reason && h.kind === kind);
  const heard = opts.queued && heardBefore(state, signal.reason) && !withdrawn;
  // A death told beside a stronger situation ("mijn vrouw is overleden en ik kan de huur niet betalen"):
  // the condolences first, not only the debt help.
  // Never before "Bel nu meteen 112".
  const grief = signal.reason !== 'bereavement' && kind !== 'emergency' && nlu.handoffs.some((h) => h.reason === 'bereavement') && !heardBefore(state, 'bereavement');
  const said = grief ? `${text(dialogs, 'handoff.condolences', state.lang)} ${text(dialogs, key, state.lang)}` : text(dialogs, key, state.lang);
  // "kan ik nu bellen?", "ik wil nu iemand spreken" while the office is closed: not "Natuurlijk. Ik zorg dat
  // een medewerker u helpt", as if one came now. The handoff service says that we are closed, when we
  // open, and offers the callback. A callback asked for in the message is promised all the same.
  const closed = signal.reason === 'explicit_request' && !CALLBACK.test(nlu.text) && !!ctx.officeHours && !isOpen(ctx.officeHours, new Date(now));
  const handed: StepResult = {
    state: { ...state, handoffs: [...state.handoffs, record], lastAnswer: { trace: t, explain: whyHandedOff(dialogs, { ...signal, ...(kind ? { kind } : {}) }) } },
    replies: heard || closed ? [] : [{ text: said, trace: t }],
    effects: [{ type: 'handoff', record }],
  };
  return signal.reason === 'explicit_request' ? withCallback(handed, nlu, ctx, now) : handed;
}

/** Whether this reason was already acknowledged in the conversation (distress never is: the crisis line is always said). */
function heardBefore(state: DialogState, reason: HandoffReason): boolean {
  return reason !== 'distress' && state.handoffs.some((h) => h.reason === reason);
}

/** The strongest of the situations found (the lowest priority number). */
export function strongest<T extends { reason: HandoffReason }>(signals: readonly T[]): T | undefined {
  return [...signals].sort((a, b) => HANDOFF_PRIORITY[a.reason] - HANDOFF_PRIORITY[b.reason])[0];
}

/**
 * "Waarom?" after a handoff: the citizen's own words that led to it; for a reason that no words of
 * theirs show (two messages not understood, the case system silent), that reason in plain words.
 * Never the evidence as the caseworker reads it ("two fallbacks in a row", "(antwoord op: …)").
 */
export function whyHandedOff(dialogs: DialogSet, signal: { reason: HandoffReason; evidence: string; caseNumber?: string; kind?: string }) {
  // A case sent to a person by a rule: its flag (never named to the citizen) or its decision term that passed.
  if (signal.reason === 'case_flag') return texts(dialogs, signal.evidence === 'decision-term-exceeded' ? 'why.handoff.case_overdue' : 'case.explain_flagged', { caseNumber: signal.caseNumber ?? '' });
  const own = `why.handoff.${signal.reason}`;
  if (signal.kind && dialogs.texts.has(`${own}.${signal.kind}`)) return texts(dialogs, `${own}.${signal.kind}`);
  if (dialogs.texts.has(own)) return texts(dialogs, own);
  return texts(dialogs, 'why.handoff', { evidence: signal.evidence.replace(/\s*\(antwoord op: .*\)\s*$/, '') });
}
