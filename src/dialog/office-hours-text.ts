/**
 * The office's week in words, for `{office_hours}` in the dialog texts: "van maandag tot en met vrijdag
 * van 8.30 tot 17.00 uur" / "Monday to Friday from 8:30 to 17:00", made from LOKET_OFFICE_HOURS. A
 * contact centre that opens late on Thursday changes the setting, and every answer that names the
 * hours says so; no text can contradict the day's line of opening-hours.ts. Bound once, when the
 * dialog set is loaded. Pure.
 */
import { parseOfficeHours, type OfficeHours } from '../handoff/office-hours.ts';
import type { Lang } from '../nlu/types.ts';
import { clock } from './opening-hours.ts';
import type { DialogSet, IntentDef, Texts } from './types.ts';

const DAY_NAMES: Record<Lang, readonly string[]> = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** "van maandag tot en met vrijdag van 8.30 tot 17.00 uur, op donderdag …" / "Monday to Friday from 8:30 to 17:00". */
export function describeWeek(hours: OfficeHours, lang: Lang): string {
  if (hours.always) return lang === 'nl' ? 'dag en nacht, elke dag' : 'day and night, every day';
  const times = (day: number): string => (hours.week.get(day) ?? [])
    .map(([from, to]) => (lang === 'nl' ? `van ${clock(from, 'nl')} tot ${clock(to, 'nl')} uur` : `from ${clock(from, 'en')} to ${clock(to, 'en')}`))
    .join(lang === 'nl' ? ' en ' : ' and ');
  // Days in a row with the same hours are one run: "maandag tot en met vrijdag".
  const runs: Array<{ from: number; to: number; times: string }> = [];
  for (let day = 1; day <= 7; day++) {
    const t = times(day);
    if (!t) continue;
    const last = runs.at(-1);
    if (last && last.to === day - 1 && last.times === t) last.to = day;
    else runs.push({ from: day, to: day, times: t });
  }
  const name = (day: number) => DAY_NAMES[lang][day - 1]!;
  const days = ({ from, to }: { from: number; to: number }): string => {
    if (from === to) return lang === 'nl' ? `op ${name(from)}` : name(from);
    if (to === from + 1) return lang === 'nl' ? `op ${name(from)} en ${name(to)}` : `${name(from)} and ${name(to)}`;
    return lang === 'nl' ? `van ${name(from)} tot en met ${name(to)}` : `${name(from)} to ${name(to)}`;
  };
  const parts = runs.map((r) => `${days(r)} ${r.times}`);
  if (parts.length <= 1) return parts[0] ?? (lang === 'nl' ? 'op afspraak' : 'by appointment');
  return `${parts.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${parts.at(-1)}`;
}

const SAME_TIMES: Record<Lang, string> = { nl: 'op dezelfde tijden', en: 'at the same times' };

/**
 * The dialog set with `{office_hours}` in every text and answer filled in from `hours`, and
 * `{desk_hours}` from the desk's hours (`desk_hours` in calendar.yaml; else `hours` too). A variant
 * whose answer names the desk's hours is marked `atDesk`: "en zaterdag?" after it asks the desk's day.
 */
export function withOfficeHours(set: DialogSet, hours: OfficeHours): DialogSet {
  const desk = set.deskHours ? parseOfficeHours(set.deskHours, hours.timeZone, hours.holidays) : hours;
  const words = {
    nl: { office: describeWeek(hours, 'nl'), desk: describeWeek(desk, 'nl') },
    en: { office: describeWeek(hours, 'en'), desk: describeWeek(desk, 'en') },
  };
  const named = (t: Texts | undefined, what: string): boolean => !!t && (t.nl.includes(what) || t.en.includes(what));
  // A text that names both, when they are the same: "De balie is op dezelfde tijden open", not the week twice.
  const deskIn = (template: string, lang: Lang): string => (words[lang].desk === words[lang].office && template.includes('{office_hours}') ? SAME_TIMES[lang] : words[lang].desk);
  const fill = <T extends Texts | undefined>(t: T): T => (t && (named(t, '{office_hours}') || named(t, '{desk_hours}'))
    ? { ...t, ...Object.fromEntries((['nl', 'en'] as const).map((lang) => [lang, t[lang].replaceAll('{desk_hours}', deskIn(t[lang], lang)).replaceAll('{office_hours}', words[lang].office)])) } as T
    : t);
  const texts = new Map([...set.texts].map(([key, t]) => [key, fill(t)] as const));
  const intents = new Map([...set.intents].map(([id, intent]) => [id, {
    ...intent,
    ...(intent.answer ? { answer: fill(intent.answer) } : {}),
    ...(intent.variants ? { variants: intent.variants.map((v) => ({ ...v, answer: fill(v.answer), ...(named(v.answer, '{desk_hours}') ? { atDesk: true } : {}) })) } : {}),
  } satisfies IntentDef] as const));
  return { ...set, texts, intents };
}
