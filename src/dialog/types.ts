/**
 * The dialog runtime's data: the loaded dialog set, the per-conversation state, and what one step
 * takes and gives. Everything here is plain JSON so it can be stored, compared and replayed.
 */
import type { Entity, HandoffReason, Lang, ParseResult } from '../nlu/types.ts';

export type Texts = Record<Lang, string>;

export interface IntentDef {
  id: string;
  file: string;
  examples: Record<Lang, string[]>;
  /** A fixed answer (FAQ-style intents, social turns, the fallback). */
  answer?: Texts;
  /** Starts a flow instead of answering (`case_status`). */
  flow?: string;
  /** Hands the conversation to a person (`human`, `complaint`). */
  handoff?: HandoffReason;
  /** Plain words on what the answer is based on; said when the citizen asks "waarom?". */
  rule?: Texts;
  /** What happens after what the answer tells to do, for "en dan?" right after it (next-step.ts). */
  next_step?: Texts;
  /** What the question is about, in a few words ("de stand van uw aanvraag"), to ask "gaat uw vraag over …?" when unsure. */
  topic?: Texts;
  /** Team that handles this intent when it goes to a person. */
  team?: string;
  /** Answers for narrower topics of this intent (variants.ts). */
  variants?: AnswerVariant[];
}

/** An answer for a narrower topic of an intent: chosen when the message names one of its words. */
export interface AnswerVariant {
  /** The topic; the same id in another intent's variants is the same topic (for "wat kost dat?"). */
  id: string;
  /** Set at load: the answer names the desk's hours (`{desk_hours}`), so a day asked beside it is the desk's. */
  atDesk?: boolean;
  /** Words that name the topic, in either language; each matches at the start of a word. */
  when: string[];
  /** Words of which the message must name one as well ("aan huis" only with a passport or ID card). */
  with?: string[];
  answer: Texts;
  /** What the answer is based on; the intent's `rule` when absent. */
  rule?: Texts;
  /** What happens after what the answer tells to do, for "en dan?" right after it (next-step.ts); the same topic's elsewhere when absent. */
  next_step?: Texts;
  /** How it can go faster (a passport: the urgent procedure), for "kan het sneller?" right after it (next-step.ts); the same topic's elsewhere when absent. */
  speed_up?: Texts;
  /** Also answers a message no intent was sure of that names the topic (a list: only one that names these words). */
  unsure?: boolean | string[];
  /** Another body handles it (Dienst Toeslagen, SVB, UWV): a question how one's own stands gets this answer, not the case question. */
  other_body?: boolean;
  /**
   * Words that name a person the citizen brings, not one of ours ("iemand meenemen", "bring a friend"):
   * a request for a person only the classifier heard, in a message that names one of these, gets this answer.
   */
  names_a_person?: string[];
  /** The municipality handles applications for it (Wmo support): a message sure to ask how one's own stands gets the case question. */
  our_cases?: boolean;
  /**
   * Words that, in a short message right after this answer, are still about it ("moet ik me
   * uitschrijven?" after the answer on moving abroad), though alone they are too broad for `when`.
   */
  follow_up?: string[];
  /**
   * Words that name this topic only right after an answer of the same intent ("en als ze het afwijzen?"
   * after how to object: the appeal); after any other answer they ask the intent's own answer (after
   * remission: how to object). As `when` otherwise.
   */
  when_after_answer?: string[];
  /** Words that, named beside, make this variant give way (the driving licence's answer, when a passport is named too). */
  not_with?: string[];
  /** Only what the municipality itself bills: when the message names a topic another body handles (an `other_body` variant), that one answers. */
  ours_only?: boolean;
  /** Open at hours of its own (the recycling centre): no line on whether the office is open that day. */
  own_hours?: boolean;
  /** A kind of question, not a thing: gives way to another variant the message names too. */
  general?: boolean;
  /**
   * A kind of question with no thing named ("wat kost het?"): this answer only when no other variant, no
   * topic of another intent, and no follow-up on the answer before answers the message.
   */
  last_resort?: boolean;
  /**
   * A bare "hoeveel?" or "how much?" asks this (how much one gets), when no thing with a price was just answered:
   * as a first message, right after this intent's own answer on no topic, or right after a status that says a payment.
   */
  bare_how_much?: boolean;
  /**
   * A cost question with no thing named ("kosten?", "wat kost het?") right after a status that says a payment (a benefit
   * granted) asks this: what applying for it costs, and where the amount is (the parking permit's status has its own topic).
   */
  paid_cost?: boolean;
  /** About money the citizen pays (a fee, a bill, paying back): a benefit's payment date from the status just before is no part of it. */
  citizen_pays?: boolean;
  /**
   * A narrower case of another variant of the same intent ("from_abroad" within "address"): when the
   * message names both ("I just moved here from Poland"), this one answers. Several: a narrower case of each.
   * One id in the YAML is read as a list of one (the loader), so the code walks one shape.
   */
  within?: string[];
  /**
   * Words that say a fact this answer takes as given (the passport expired, or was lost): when the variant
   * was chosen without its own `when` words ("kan ik nog op vakantie?" right after how to apply), the fact
   * must be said in this message or the one before it, or answered just before by this variant; else
   * `otherwise` answers (presumes.ts).
   */
  presumes?: string[];
  /** With `presumes`: "intent/variant" that answers when the fact was not said (travelling on it while valid). */
  otherwise?: string;
  /**
   * For a narrower case: words that name the thing it is about (a driving licence). When the variant it is within
   * answers a message that names it, or names no thing while the message before did, this one answers (presumes.ts).
   */
  thing?: string[];
  /** As written: "intent/variant" whose answer and rule this variant has (the loader copies them in). */
  same_as?: string;
}

export interface DialogSet {
  /** Content hash of every file in the set; recorded in every trace. */
  version: string;
  dir: string;
  files: string[];
  intents: Map<string, IntentDef>;
  /** System texts by key (`fallback`, `case.ask_number`, …), from messages and flow files. */
  texts: Map<string, Texts>;
  /** Lexicon documents for special-situation detection; their shape belongs to src/nlu. */
  lexicons: unknown[];
  /** case type (or intent id) → team, and the default team. */
  routing: { defaultTeam: string; byCaseType: Record<string, string>; byIntent: Record<string, string>; byReason: Record<string, string> };
  /** ISO dates on which the office is closed (dialogs/calendar.yaml). */
  holidays: string[];
  /**
   * Their names by ISO date ("Eerste Kerstdag"), said when a citizen asks about that day; `en` where the calendar
   * gives one ("Christmas Day"), said in English instead.
   */
  holidayNames: Record<string, { nl: string; en?: string }>;
  /**
   * When the desk in the town hall is open (`desk_hours` in dialogs/calendar.yaml, the format of
   * LOKET_OFFICE_HOURS); absent: the office hours. A 24/7 contact centre has a desk with hours.
   */
  deskHours?: string;
  /** Words from statuses and letters, explained (dialogs/glossary.yaml); empty when there is none. */
  glossary: GlossaryTerm[];
  /** The words of the set's own answers and messages, for the NLU's typo correction (src/nlu ownWords). */
  words: string[];
}

/** One word of the glossary: how citizens write it, and what it means. */
export interface GlossaryTerm {
  id: string;
  words: string[];
  /** It names a person or body: "wie is dat?" after a status that names it. */
  who?: boolean;
  /** A word many messages name in passing (gemeente): not the one "wat is dit?" points back at when another is named. */
  common?: boolean;
  explain: Texts;
  /** The amounts, for "hoeveel krijg ik dan?" right after the explanation. */
  how_much?: Texts;
  /** There is one of it (de BRP, de gemeente): "wat is de BRP?" asks what it is, not which one. */
  one?: boolean;
  /** The variant that says how to get it (`intent/variant`), for "hoe krijg ik die?" right after the explanation. */
  how?: string;
  /** The variant that says where one's own is written (`intent/variant`), for "waar vind ik die?" right after the explanation. */
  find?: string;
}

/** A case as the dialog needs it; how it was fetched is the CaseSource's business. */
export interface CaseRecord {
  number: string;
  type: string;
  statusText: string;
  /** ISO date of the (planned) decision, if any. */
  decisionDate: string | null;
  /** The legal deadline for the decision, if any (decision term). */
  decisionDue: string | null;
  postcode: string;
  birthDate: string;
  phone: string | null;
  flags: string[];
  /** Which system answered, for the trace: `embedded`, `zgw` … */
  source: string;
  fetchedAt: string;
}

export interface Source {
  kind: 'dialog' | 'case' | 'rule';
  /** dialog file, case number, or rule id */
  ref: string;
  system?: string;
  at?: string;
}

/** `channelData.trace` of CONTRACTS.md §4. */
export interface Trace {
  dialog: string;
  step: string;
  intent: string;
  confidence: number;
  reason?: string;
  dialogVersion: string;
  sources: Source[];
}

export type CaseStep = 'ask_number' | 'ask_postcode' | 'ask_birthdate' | 'ask_both' | 'ask_code';

export interface HandoffRecord {
  reason: HandoffReason;
  evidence: string;
  priority: number;
  at: string;
  caseNumber?: string;
  /** The team that should take it (from dialogs/routing.yaml). */
  team?: string;
  /** Words of its own the situation had (crisis-kind.ts): `domestic_violence`, `emergency`, `housing`. */
  kind?: string;
  /** A caseworker said it was no crisis (src/handoff/crisis-correction.ts): the reason it was recorded with. */
  correctedFrom?: HandoffReason;
}

/** What the dialog needs to know about a handoff in progress. */
export interface HandoffMode {
  /** `ended`: a caseworker released or closed it lately (their closing message asks for feedback). */
  state: 'queued' | 'active' | 'ended';
  handoffId: string;
  /** The citizen was asked "shall we call you back?" and has not answered yet. */
  awaitingCallbackAnswer: boolean;
  /** A callback was offered (answered or passed by) and none is booked: a phone number sent alone asks for one. */
  callbackOffered?: boolean;
  /** A callback is booked: a time sent alone ("om 10 uur graag") moves it. */
  callbackBooked?: boolean;
}

export interface DialogState {
  v: 1;
  lang: Lang;
  /** The flow the assistant is in the middle of, if any. */
  active: {
    flow: 'case_status'; step: CaseStep; caseNumber?: string;
    /**
     * After a failed check: the three facts that were tried (forgotten as facts, since we may not
     * say which was wrong). A correction of one or two of them ("oh sorry, 15-03-1980") is checked
     * with the others from this try, so the citizen need not send all three again.
     */
    tried?: { caseNumber: string; postcode: string; birthDate: string };
    /** Where to find the case number was said once; a second "I don't have it" gets a person offered. */
    noNumberSaid?: boolean;
  } | null;
  /**
   * What the citizen told us in this conversation; never asked again while it is known. `forOther`:
   * they ask for someone else ("de aanvraag van mijn moeder"), so the check asks that person's details.
   */
  /**
   * `alsoNamed`: a second case number the citizen gave in the same message; told after the first one's
   * answer. `otherNamed`: that number once told, for "en die andere?" after the first one's status.
   * `objection`: the case question was about an objection ("hoe staat het met mijn bezwaar?").
   * `alsoFailed`: the number named with it that these postcode and birth date did not match (told after the answer).
   */
  facts: { caseNumber?: string; caseType?: string; postcode?: string; birthDate?: string; phone?: string; forOther?: boolean; alsoNamed?: string; otherNamed?: string; objection?: boolean; alsoFailed?: string };
  /**
   * A question of the assistant's own that waits for an answer outside any flow. After a score:
   * `feedback_comment` (words may follow in the next message), `feedback_person` (a low score, and
   * "wilt u een medewerker spreken?" was asked: yes or no, or words about the score). `person_offer`:
   * the assistant could go no further and asked "zal ik een medewerker vragen?"; `person_offer_again`:
   * it asked once more after a bare "ok". `concern_offer`: the same, asked after a message that leaned
   * to a crisis (concern.ts); a yes is a handoff for distress.
   */
  pending: 'callback_phone' | 'feedback' | 'feedback_comment' | 'feedback_person' | 'suggestion' | 'person_offer' | 'person_offer_again' | 'concern_offer' | null;
  /** With `pending: 'suggestion'`: the intent the assistant asked about ("gaat uw vraag over …?"). */
  suggested?: string;
  /**
   * The callback question (the offer, or the number after a yes) was asked again in this turn, at the
   * end of the answer to a question in between (handoff-mode.ts remindCallback): asked again once only.
   */
  callbackAskedAgain?: true;
  /** What the last feedback question was about (`contact`, `handoff:<id>`): each is asked once. */
  feedbackAbout?: string;
  /** The handoff after whose closing question (a caseworker's, asking a score) the citizen wrote: later words are not its answer. */
  closeAnswered?: string;
  /** Identity facts that matched a case: reused for the next case question. */
  /**
   * `forOther`: proved for someone else's case only ("de aanvraag van mijn moeder"), so not the citizen's
   * own details. `others`: cases proved with someone else's details beside the citizen's own.
   */
  verifiedIdentity: { postcode: string; birthDate: string; cases: string[]; forOther?: boolean; others?: string[] } | null;
  /** Verification failures per case number, and the lock after three. */
  failures: Record<string, { count: number; lockedUntil?: string }>;
  fallbacks: number;
  /**
   * A reply that was no answer, last in its turn (the fallback, last-answer.ts askAgain; the feedback
   * question): "waarom?" right after it asks why that was said (`key`, in `file`, with the trace's
   * `step` and rule), not why the answer before it was.
   */
  replyWhy?: { turn: number; key: string; step: string; rule: string; file: string };
  /** The turn whose reply was the why of the last answer: a second "waarom?" right after it gets no same words again. */
  explainedAt?: number;
  /**
   * The web chat opened with the welcome, in this language, which introduced the assistant: a "hoi" in
   * that language as the first message is answered with a short hello, not the introduction again (set
   * by the pipeline on the first turn).
   */
  welcomed?: Lang;
  /** The last substantive answer and what it rested on, for "waarom?". */
  /**
   * `topic`: the variant's id when the answer was a variant (variants.ts), for a follow-up about the
   * same. `means`: after a case's status, what that status means in plain words ("wat betekent dat?").
   * `paid`: after a case's status that names a payment date, that sentence ("wanneer krijg ik het geld?").
   * `dated`: after a case's status with a date in it, that sentence ("vanaf wanneer kan ik parkeren?").
   * `unfinished`: after a case's status that is not a decision yet (in progress, or `'waiting'` for the
   * citizen): "waarom duurt het zo lang?" is about it.
   */
  lastAnswer: {
    trace: Trace; explain: Texts; topic?: string; means?: Texts; paid?: Texts; dated?: Texts; unfinished?: boolean | 'waiting';
    /** After a case's status: the topic its case type names ("Parkeervergunning bewoners": parking), for "wat kost dat?". */
    caseTopic?: string;
    /** After a case's status that is a decision: which one ("waar haal ik de vergunning op?" has nothing to collect after a refusal). */
    decision?: 'granted' | 'refused';
    /** With it, the sentence on when it was taken ("Het besluit is genomen op 20 november 2026."), for "waarom hoor ik niks?". */
    decidedOn?: Texts;
    /** The glossary terms a status told names (dialogs/glossary.yaml), for "wie is dat?". */
    terms?: string[];
    /** The answer ended with "Wilt u weten waarom ik dit zeg?", in this turn: a plain yes in the next one asks the why. */
    offersWhy?: number;
    /** The opening hours told were of this day, not today ("zijn jullie vrijdag open?"): "tot hoe laat dan?" is about it. */
    hoursDay?: string;
    /** Those hours were the desk's (`desk_hours`), not the contact centre's: "en zaterdag?" asks the desk's day too. */
    hoursDesk?: boolean;
    /** The variants whose `presumes` words, or `thing` words, the message this answer was given to named (presumes.ts). */
    presumed?: string[];
  } | null;
  handoffs: HandoffRecord[];
  turns: number;
  /** The assistant asked once whether all is well (concern.ts): the words that worried it, and when. */
  /** `turn`: the conversation's turn in which it asked (states stored before it have none). */
  concern?: { reason: string; evidence: string; at: string; turn?: number; /** Said beside a question of the flow that stays open ("Typ dan: medewerker"), not asked with yes or no. */ beside?: true };
  /**
   * "Ik heb een vraag over de afvalstoffenheffing" got "Wat wilt u weten over de afvalstoffenheffing?":
   * those words, so the next message ("die is veel te hoog") is read as about them. Kept one message.
   */
  askedAbout?: string;
}

/** Inputs to one step. */
export type StepInput =
  | { kind: 'message'; text: string; nlu: ParseResult; now: string; handoff?: HandoffMode | null }
  | { kind: 'case_loaded'; caseNumber: string; record: CaseRecord | null; now: string }
  | { kind: 'case_unavailable'; caseNumber: string; now: string }
  /** The guard holds this number back until `until` (too many failed checks of it, in all conversations). */
  | { kind: 'case_guarded'; caseNumber: string; until: string; now: string }
  /** `sent` is false only when SMS codes cannot be sent at all (no SMS channel); whether the case has a phone is never told. */
  | { kind: 'code_sent'; caseNumber: string; sent: boolean; now: string }
  | { kind: 'code_checked'; caseNumber: string; ok: boolean; record: CaseRecord | null; now: string }
  /** `waiting`: asked while the citizen waits for a person (who answers here when no other channel is on). */
  | { kind: 'link_code'; code: string | null; now: string; waiting?: boolean };

export interface Reply {
  text: string;
  trace: Trace;
}

/** Side effects as data; the pipeline carries them out. */
export type Effect =
  | { type: 'load_case'; caseNumber: string }
  /** Facts typed for this case did not match: counted over all conversations (src/cases/guard.ts). */
  | { type: 'check_failed'; caseNumber: string }
  | { type: 'handoff'; record: HandoffRecord }
  | { type: 'handoff_cancel' }
  /** `at`: the time asked for ("morgen om 10 uur"): a minute after midnight, and the local date when a day was named. */
  | { type: 'callback_request'; phone: string; at?: { minute: number; date?: string } }
  | { type: 'callback_declined' }
  /** The citizen asked how long the wait for a person is (the handoff service tells the place in the queue). */
  | { type: 'queue_status' }
  /** A case's facts matched for the first time in this conversation (an open handoff records the identity). */
  | { type: 'identity_verified'; caseNumber: string }
  | { type: 'send_code'; caseNumber: string }
  | { type: 'check_code'; caseNumber: string; code: string }
  /** `waiting`: asked while the citizen waits for a person. */
  | { type: 'issue_link_code'; waiting?: boolean }
  | { type: 'feedback'; score: number; comment: string; about: string; at: string }
  /** Words sent after the score, in a message of their own: added to that score's comment. */
  | { type: 'feedback_comment'; comment: string; about: string }
  | { type: 'event'; name: string; data: Record<string, unknown> };

export interface StepResult {
  state: DialogState;
  replies: Reply[];
  effects: Effect[];
}

export type { Entity, Lang, ParseResult };
