/**
 * Case facts typed nearly right: a case number with a letter O for a zero ("Z-2O26-OOO123") or without its
 * year ("zaak 123"), a postcode without its letters ("1234"), a birth date without its year ("15 maart") or
 * in words ("vijftien maart 1980"), a birth date in the future. The NLU reads none of them as the fact, and
 * the flow answered "Ik zie geen zaaknummer / postcode / datum in uw bericht", which the citizen who just
 * typed one cannot place. Here: what is missing from what they typed. Nothing here looks at the case, so
 * no hint says anything about which fact did not match it. Pure, like step.ts.
 */
import { findCaseNumbers } from '../nlu/entities/case-number.ts';
import { findDayOfYear, MONTH_NAMES } from '../nlu/entities/date.ts';
import type { Entity, ParseResult } from '../nlu/types.ts';
import { text } from './texts.ts';
import type { CaseStep, DialogSet, DialogState, StepResult } from './types.ts';

/** "Z-2O26-OOO123", "z2o26ooo123": a Z, then digits with a letter O among them (a case number has only digits). */
const WITH_OS = /(?<![\p{L}\p{N}])z\s?[-.]?\s?[\dOo]{4}(?:\s?[-./]\s?|\s)?[\dOo]{1,6}(?![\p{L}\p{N}])/giu;

/**
 * The message with a case number typed with a letter O for a zero read as that number: "Z-2O26-OOO123" is
 * Z-2026-000123 (the O is replaced in place, so the entity's span is the typed one).
 */
export function withCaseNumberOs(nlu: ParseResult): ParseResult {
  if (nlu.entities.some((e) => e.type === 'case_number') || !/o/i.test(nlu.text)) return nlu;
  const mended = nlu.text.replace(WITH_OS, (m) => m.slice(0, 1) + m.slice(1).replace(/[Oo]/g, '0'));
  if (mended === nlu.text) return nlu;
  const found = findCaseNumbers(mended);
  return found.length > 0 ? { ...nlu, entities: [...nlu.entities, ...found] } : nlu;
}

/** "zaak 123", "zaaknummer is 123", "case 123", "123": a case number's last digits, without Z and year. */
const NUMBER_NO_YEAR = /^\W*((mijn|m'n|mn|het|my|the)\s+)?((zaak|case)\s*(nummer|number|nr\.?|no\.?)?|zaaknummer|nummer|number|nr\.?)?\s*(is|was|:)?\s*#?\s*\d{1,6}\s*[.!?]*\s*$/i;
const CASE_WORD = /\b(zaak|zaaknummer|case)\b/i;

/**
 * "zaak 123" as a first message, with no case told: the case question (whose first reply asks for the
 * whole number), not "Sorry, dat begrijp ik niet goed".
 */
export function withNumberNoYear(nlu: ParseResult, state: DialogState): ParseResult {
  if (state.active || state.facts.caseNumber || nlu.intent.name !== 'none' || nlu.entities.length > 0) return nlu;
  return NUMBER_NO_YEAR.test(nlu.text) && CASE_WORD.test(nlu.text) ? { ...nlu, intent: { name: 'case_status', confidence: Math.max(nlu.intent.confidence, 0.6) } } : nlu;
}

/** "1234" alone, or beside words and a date: four digits that start a postcode, with no letters after them. */
const POSTCODE_DIGITS = /(?<![\p{L}\p{N}][-/.]?)[1-9]\d{3}(?![-/.]?[\p{N}])(?!\s?-?\s?\p{L}{2}(?![\p{L}]))/u;
/** "15-3", "15/03": day and month with no year after them. */
const DAY_MONTH_DIGITS = /(?<![\p{N}][-/.]?)(0?[1-9]|[12]\d|3[01])\s?[-/.]\s?(0?[1-9]|1[0-2])(?![-/.]?\s?['’‘]?\p{N})/u;
/** A month named, as the date extractor reads them; not "may", "mar" nor "maa", which are words too. */
const MONTHS = MONTH_NAMES.filter((m) => !['may', 'mar', 'maa'].includes(m)).join('|');
const YEAR_DIGITS = /(?<!\p{N})(19|20)\d{2}(?!\p{N})|['’‘]\d{2}(?!\p{N})/u;
/** A day in Dutch or English words beside a month: "vijftien maart", "de vijftiende maart", "fifteenth of March", "March fifteenth". */
const DAY_WORDS = String.raw`(een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|\p{L}+tien|\p{L}*twintig|\p{L}*dertig|eerste|\p{L}+de|\p{L}+ste|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\p{L}+teen|twenty\S*|thirty\S*|first|second|third|\p{L}+th)`;
const IN_WORDS = new RegExp(String.raw`(?<!\p{L})${DAY_WORDS}\s+(of\s+)?(${MONTHS})(?!\p{L})|(?<!\p{L})(${MONTHS})\s+(the\s+)?${DAY_WORDS}(?!\p{L})`, 'iu');

type Hint = 'case.hint_number_no_year' | 'case.hint_postcode_letters' | 'case.hint_postcode_letters_both' | 'case.hint_date_no_year' | 'case.hint_date_in_words' | 'case.hint_date_whole' | 'case.hint_date_no_such';

/** What is missing from a fact typed in the message, for the fact the flow asks now; null when none such is typed. */
function missingFrom(msg: string, step: CaseStep, entities: readonly Entity[]): Hint | null {
  const has = (type: string): boolean => entities.some((e) => e.type === type);
  if (step === 'ask_number') return !has('case_number') && NUMBER_NO_YEAR.test(msg) ? 'case.hint_number_no_year' : null;
  // Read without the facts found in it ("1234 AB 1980": the year alone is the date; "Z 2026 000123": no postcode digits).
  const rest = entities.reduce((m, e) => m.slice(0, e.start) + ' '.repeat(e.end - e.start) + m.slice(e.end), msg);
  const date = has('date') ? null : dateMissing(rest);
  if (step === 'ask_birthdate') return date;
  if (has('postcode') || !POSTCODE_DIGITS.test(withoutDates(rest))) return step === 'ask_both' ? date : null;
  return step === 'ask_both' ? 'case.hint_postcode_letters_both' : 'case.hint_postcode_letters';
}

/** "1980", "geboren in 1980", "maart 1980": the only number is a year. */
const ONLY_A_YEAR = /^[^\p{N}]*(19|20)\d{2}[^\p{N}]*$/u;

/** Day, month and year in digits. */
const DAY_MONTH_YEAR = /(?<![\p{N}])\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?(['’‘]?\d{2}|\d{4})(?![\p{N}])/u;
/** "ik ben 46", "46 jaar", "I'm 46 years old": an age, not a birth date. */
const AGE = /\b(ik ben|i am|i'm|im)\s+\d{1,3}(\s+(jaar|years?))?\b|\b\d{1,3}\s+(jaar|years?)(\s+(oud|old))?\b/i;

/** What a birth date typed lacks: digits, its year, or its day. Null when no date is typed at all. */
function dateMissing(msg: string): Hint | null {
  if (IN_WORDS.test(msg)) return 'case.hint_date_in_words';
  // "30-02-1980", "13/13/1980": written as a date, but no day of the calendar (the NLU read none).
  if (DAY_MONTH_YEAR.test(msg)) return 'case.hint_date_no_such';
  // "1980", "maart 1980": a year, and no day; "ik ben 46": an age.
  if (ONLY_A_YEAR.test(msg) || AGE.test(msg)) return 'case.hint_date_whole';
  return !YEAR_DIGITS.test(msg) && (findDayOfYear(msg) || DAY_MONTH_DIGITS.test(msg)) ? 'case.hint_date_no_year' : null;
}

/** The message without what looks like a date, so its year is not read as postcode digits. */
const withoutDates = (msg: string): string => msg.replace(/\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?['’‘]?\d{2,4}|\d{4}\s?-\s?\d{1,2}\s?-\s?\d{1,2}/g, ' ').replace(new RegExp(`(${MONTHS})\\s*,?\\s*(19|20)\\d{2}`, 'gi'), ' ');

/** Whether the message gives the fact the flow asks for, typed nearly right (withTypedHint says what it lacks). */
export function typedNearlyRight(state: DialogState, nlu: ParseResult): boolean {
  const step = state.active?.flow === 'case_status' ? state.active.step : undefined;
  return !!step && missingFrom(nlu.text, step, nlu.entities) !== null;
}

/**
 * The flow's question, asked because a fact was typed nearly right, with what is missing from it in its
 * place ("Een postcode heeft 4 cijfers en 2 letters …"). Only a reply that is that question alone.
 */
export function withTypedHint(res: StepResult, dialogs: DialogSet, msg: string, entities: readonly Entity[]): StepResult {
  const step = res.state.active?.flow === 'case_status' ? res.state.active.step : undefined;
  const first = res.replies[0];
  if (!step || !first || res.replies.length !== 1 || first.trace.step !== step) return res;
  const hint = missingFrom(msg, step, entities);
  return hint ? { ...res, replies: [{ ...first, text: text(dialogs, hint, res.state.lang) }] } : res;
}

/**
 * A birth date in the future is no birth date (a typing slip): not checked against the case, so no failed
 * try. The state without it, to ask for it again; null when the birth date given is not in the future.
 */
export function withoutFutureBirthDate(state: DialogState, now: string): DialogState | null {
  const born = state.facts.birthDate;
  if (!born || born <= now.slice(0, 10)) return null;
  const { birthDate: _, ...facts } = state.facts;
  return { ...state, facts };
}

/** The flow's next question, said after why the date given is none. */
export function saidFutureDate(res: StepResult, dialogs: DialogSet): StepResult {
  const first = res.replies[0];
  if (res.state.active?.flow !== 'case_status' || !first || res.replies.length !== 1) return res;
  return { ...res, replies: [{ ...first, text: `${text(dialogs, 'case.future_birthdate', res.state.lang)} ${first.text}` }] };
}
