/** Filling texts and building traces: the small shared helpers of the dialog runtime. */
import type { DialogSet, DialogState, Lang, Source, Texts, Trace } from './types.ts';

/** Fills `{name}` placeholders; unknown names stay visible so a missing value is noticed, not hidden. */
export function fill(template: string, vars: Record<string, string | number | undefined> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}

/** The text for `key` in `lang`. The loader guarantees every key the runtime uses exists. */
export function text(dialogs: DialogSet, key: string, lang: Lang, vars?: Record<string, string | number | undefined>): string {
  const t = dialogs.texts.get(key);
  if (!t) throw new Error(`dialog text "${key}" is missing (the loader should have refused this set)`);
  return fill(t[lang], vars);
}

export function texts(dialogs: DialogSet, key: string, vars?: Record<string, string | number | undefined>): Texts {
  return { nl: text(dialogs, key, 'nl', vars), en: text(dialogs, key, 'en', vars) };
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

/** "15 januari 2027" / "15 January 2027" from an ISO date, independent of the machine's locale. */
export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  }).format(d);
}

/** "14:05" in the organisation's time zone. */
export function formatTime(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    hour: '2-digit', minute: '2-digit', timeZone,
  }).format(new Date(iso));
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
