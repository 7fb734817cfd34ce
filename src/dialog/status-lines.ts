/**
 * What a status told to the citizen says, read from the case system's words: its kind (granted,
 * refused, waiting, in progress), what that means in plain words, and its sentences with a payment
 * date or another date, for the questions right after it ("wat betekent dat?", "vanaf wanneer?").
 */
import { text, texts } from './texts.ts';
import type { CaseRecord, DialogSet, DialogState, StepResult, Texts } from './types.ts';

/**
 * What a status means for the citizen, in plain words, for "wat betekent dat?" after it: the case
 * system's status text is written for staff ("advies welstandscommissie gevraagd"). The kind of status
 * is read from its words; a status of no known kind has no meaning to give (a person explains it).
 */
export function statusMeaning(dialogs: DialogSet, record: CaseRecord, kind = statusKind(record)): Texts | null {
  if (!kind) return null;
  const key = kind === 'in_progress' && record.decisionDue ? 'case.means.in_progress_due' : `case.means.${kind}`;
  return texts(dialogs, key, {}, record.decisionDue ? { date: record.decisionDue } : undefined);
}

export type StatusKind = 'refused' | 'granted' | 'waiting' | 'in_progress';
/** The kind of a status, read from its words; null for a status of no known kind. */
export function statusKind(record: CaseRecord): StatusKind | null {
  const status = record.statusText.toLowerCase();
  return /afgewezen|geweigerd|niet toegekend|niet verleend|refused|rejected/.test(status) ? 'refused'
    : /toegekend|verleend|goedgekeurd|granted|approved/.test(status) ? 'granted'
      : /aanvull|ontbre|wacht(en)? op (uw|stukken|gegevens|informatie|papieren)|opgevraagd/.test(status) ? 'waiting'
        : /in behandeling|ontvangen|beoordel|advies|onderzoek/.test(status) ? 'in_progress' : null;
}

/** What makes a sentence of a status say when money is paid ("Eerste betaling op 1 december 2026."). */
export const PAYMENT_SENTENCE = /\b(betaling|betaald|uitbetaald|uitbetaling|gestort)\b[^.]*\d{4}/i;

/**
 * The sentence of a status that `sentence` finds, in the status's own words (the case system writes
 * Dutch) with the case number: for "wanneer krijg ik het geld?" (PAYMENT_SENTENCE) and "vanaf
 * wanneer?" (DATED_SENTENCE) right after the status.
 */
export function statusLine(dialogs: DialogSet, record: CaseRecord, sentence: RegExp): Texts | null {
  const found = sentenceWith(record.statusText, sentence)?.trim();
  if (!found) return null;
  const vars = { caseNumber: record.number, sentence: /[.!]$/.test(found) ? found : `${found}.` };
  return { nl: text(dialogs, 'case.paid', 'nl', vars), en: text(dialogs, 'case.paid', 'en', vars) };
}

/** What makes a sentence of a status one with a date in it ("De vergunning geldt vanaf 7 december 2026."). */
export const DATED_SENTENCE = /\b\d{1,2}\s+(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+\d{4}\b/i;

/**
 * The first sentence of `text` (up to and with its full stop) in which `inside` matches; what
 * /[^.]*INSIDE[^.]*\.?/ would match, without that pattern's retries from every position (it was
 * the dearest part of a status answer).
 */
function sentenceWith(text: string, inside: RegExp): string | null {
  for (let start = 0; ;) {
    const stop = text.indexOf('.', start);
    const end = stop === -1 ? text.length : stop;
    if (inside.test(text.slice(start, end))) return text.slice(start, stop === -1 ? end : end + 1);
    if (stop === -1) return null;
    start = stop + 1;
  }
}

/** The payment answer, after a status that names a payment date (`before`: the answer before it), starting with that date; the case is a source. */
export function withPaymentLine(res: StepResult, before: DialogState['lastAnswer']): StepResult {
  const first = res.replies[0];
  if (!before?.paid || !first) return res;
  const cases = before.trace.sources.filter((x) => x.kind === 'case');
  const trace = { ...first.trace, sources: [...cases, ...first.trace.sources] };
  const lastAnswer = res.state.lastAnswer ? { ...res.state.lastAnswer, trace } : null;
  return { ...res, state: { ...res.state, lastAnswer }, replies: [{ text: `${before.paid[res.state.lang]} ${first.text}`, trace }, ...res.replies.slice(1)] };
}
