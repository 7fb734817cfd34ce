/** Filling texts and building traces: the small shared helpers of the dialog runtime. */
import type { DialogSet, DialogState, Lang, Source, StepResult, Texts, Trace } from './types.ts';

/** The text for `key` in `lang`. The loader guarantees every key the runtime uses exists. */
export function text(dialogs: DialogSet, key: string, lang: Lang, vars?: Record<string, string | number | undefined>): string {
  const t = dialogs.texts.get(key);
  if (!t) throw new Error(`dialog text "${key}" is missing (the loader should have refused this set)`);
  return fill(partsOf(t[lang]), vars);
}

/**
 * A template split at its placeholders, made once per template (the runtime fills the same few hundred
 * texts on every turn): [text, name, text, name, …, text], as fill() reads it.
 */
const templateParts = new Map<string, readonly string[]>();
function partsOf(template: string): readonly string[] {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Only the dialog sets' own texts come here, but a server reloading sets many times must not grow without end.
    if (templateParts.size >= 10_000) templateParts.clear();
    templateParts.set(template, parts);
  }
  return parts;
}
/** Fills the `{name}` placeholders of a split template; unknown names stay visible so a missing value is noticed, not hidden. */
function fill(parts: readonly string[], vars: Record<string, string | number | undefined> = {}): string {
  if (parts.length === 1) return parts[0]!;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = vars[parts[i]!];
    out += (v === undefined ? `{${parts[i]}}` : String(v)) + parts[i + 1]!;
  }
  return out;
}

/** A text in both languages; `dates` (ISO) are written as each language writes a date ("1 oktober 2026", "1 October 2026"). */
export function texts(dialogs: DialogSet, key: string, vars?: Record<string, string | number | undefined>, dates?: Record<string, string>): Texts {
  return { nl: text(dialogs, key, 'nl', dated(vars, dates, 'nl')), en: text(dialogs, key, 'en', dated(vars, dates, 'en')) };
}
/** `vars` with `dates` written in `lang` (a function, not an arrow made per call: tsx defines a name on each). */
function dated(vars: Record<string, string | number | undefined> | undefined, dates: Record<string, string> | undefined, lang: Lang): Record<string, string | number | undefined> | undefined {
  if (!dates) return vars;
  const out: Record<string, string | number | undefined> = { ...vars };
  for (const k of Object.keys(dates)) out[k] = formatDate(dates[k]!, lang);
  return out;
}

export interface TraceInput {
  dialog: string;
  step: string;
  intent: string;
  confidence: number;
  reason?: string;
  sources?: Source[];
}

export function trace(dialogs: DialogSet, t: TraceInput): Trace {
  const out: Trace = {
    dialog: t.dialog,
    step: t.step,
    intent: t.intent,
    confidence: Math.round(t.confidence * 1000) / 1000,
    dialogVersion: dialogs.version,
    sources: t.sources ?? [],
  };
  if (t.reason) out.reason = t.reason;
  return out;
}

/**
 * Formatters are costly to build (tens of µs each) and safe to share, so each one is built once per
 * language and time zone and kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }, kind: string): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${options.timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/**
 * Dates, times and days written, per language (and time zone): a case's status writes the same few
 * dates (its decision term) in both languages on every lookup, every case lookup writes its time (the
 * turn's minute, the same for every conversation in it) and the opening hours write today's date, each
 * a few µs of Intl work. Bounded like templateParts.
 */
const written = new Map<string, string>();
function remember(key: string, out: string): string {
  if (written.size >= 10_000) written.clear();
  written.set(key, out);
  return out;
}

/** "15 januari 2027" / "15 January 2027" from an ISO date, independent of the machine's locale. */
export function formatDate(iso: string, lang: Lang): string {
  const day = iso.slice(0, 10);
  const key = `D|${lang}|${day}`;
  return written.get(key) ?? remember(key, formatter(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }, 'date').format(new Date(`${day}T12:00:00Z`)));
}
/**
 * A UTC time as toISOString writes it, from 1973 on: its hour and minute in any time zone follow from
 * its first 16 characters (since 1973 no zone's offset has seconds).
 */
const WHOLE_MINUTES = /^(19[7-9]\d|[2-9]\d{3})-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?Z$/;

/** "14:05" in the organisation's time zone. */
export function formatTime(iso: string, lang: Lang, timeZone: string): string {
  const key = WHOLE_MINUTES.test(iso) && iso >= '1973' ? `t|${lang}|${timeZone}|${iso.slice(0, 16)}` : null;
  const had = key ? written.get(key) : undefined;
  if (had !== undefined) return had;
  const time = formatter(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone }, 'time').format(new Date(iso));
  // Dutch texts write "8.30 uur", as the opening hours do; English "08:30".
  const out = lang === 'nl' ? time.replace(':', '.').replace(/^0(?=\d)/, '') : time;
  return key ? remember(key, out) : out;
}

/** "maandag 30 november" / "Monday 30 November" in `timeZone`. */
export function formatDay(at: Date, lang: Lang, timeZone: string): string {
  const key = `d|${lang}|${timeZone}|${at.getTime()}`;
  return written.get(key) ?? remember(key, formatter(lang === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone }, 'day').format(at));
}

export function initialState(lang: Lang = 'nl'): DialogState {
  return {
    v: 1,
    lang,
    active: null,
    facts: {},
    pending: null,
    verifiedIdentity: null,
    failures: {},
    fallbacks: 0,
    lastAnswer: null,
    handoffs: [],
    turns: 0,
  };
}

/** One result after another: the second starts from the first's state; replies and effects in order. */
// Not named `then`: a module exporting `then` is a thenable, and `await import()` of it would call it.
export function andThen(first: StepResult, next: (state: DialogState) => StepResult): StepResult {
  const second = next(first.state);
  return { state: second.state, replies: [...first.replies, ...second.replies], effects: [...first.effects, ...second.effects] };
}
