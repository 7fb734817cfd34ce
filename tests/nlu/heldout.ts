/**
 * The held-out sentences (heldout.{nl,en}.ndjson) and how a recognizer scores on them. Written apart
 * from the training examples in dialogs/intents; never copy one into the other.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MESSAGE_HANDOFF_REASONS, type Lang, type MessageHandoffReason } from '../../src/nlu/index.ts';

export interface HeldoutItem {
  text: string;
  intent: string;
  handoff: MessageHandoffReason | null;
  lang: Lang;
}

/** The labelled sets in this folder: `<set>.<lang>.ndjson` (see independent.test.ts for the newer ones). */
export type LabelledSet = 'heldout' | 'blind' | 'crisis' | `apart${number}` | 'sealed' | `sealed${number}`;

export function readHeldout(lang: Lang, set: LabelledSet = 'heldout'): HeldoutItem[] {
  const file = fileURLToPath(new URL(`./${set}.${lang}.ndjson`, import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => ({ ...(JSON.parse(l) as Omit<HeldoutItem, 'lang'>), lang }));
}

export interface Scores {
  n: number;
  intentAccuracy: number;
  /** Handoff detection, any reason: a special situation found where there is one. */
  handoffRecall: number;
  handoffPrecision: number;
  byReason: Record<string, { tp: number; fp: number; fn: number; precision: number; recall: number }>;
  byIntent: Record<string, { n: number; correct: number; accuracy: number }>;
  misses: string[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** `predict` gives the intent and the (strongest) handoff reason for a text. */
export function score(items: HeldoutItem[], predict: (item: HeldoutItem) => { intent: string; handoff: string | null }): Scores {
  const byReason: Scores['byReason'] = {};
  for (const r of MESSAGE_HANDOFF_REASONS) byReason[r] = { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 };
  const byIntent: Scores['byIntent'] = {};
  const misses: string[] = [];
  let correct = 0;
  let found = 0;
  let expected = 0;
  let flagged = 0;
  for (const item of items) {
    const got = predict(item);
    const stat = (byIntent[item.intent] ??= { n: 0, correct: 0, accuracy: 0 });
    stat.n++;
    if (got.intent === item.intent) {
      correct++;
      stat.correct++;
    } else misses.push(`intent  ${item.intent} → ${got.intent}: ${item.text}`);
    if (item.handoff) expected++;
    if (got.handoff) flagged++;
    if (item.handoff && got.handoff) found++;
    if (got.handoff !== item.handoff) misses.push(`handoff ${item.handoff} → ${got.handoff}: ${item.text}`);
    if (item.handoff && got.handoff === item.handoff) byReason[item.handoff]!.tp++;
    else {
      if (item.handoff) byReason[item.handoff]!.fn++;
      if (got.handoff && byReason[got.handoff]) byReason[got.handoff]!.fp++;
    }
  }
  for (const r of Object.values(byReason)) {
    r.precision = ratio(r.tp, r.tp + r.fp);
    r.recall = ratio(r.tp, r.tp + r.fn);
  }
  for (const s of Object.values(byIntent)) s.accuracy = ratio(s.correct, s.n);
  return {
    n: items.length,
    intentAccuracy: ratio(correct, items.length),
    handoffRecall: ratio(found, expected),
    handoffPrecision: ratio(found, flagged),
    byReason,
    byIntent,
    misses,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A plain-text table of the scores, for console.log. */
export function formatScores(title: string, s: Scores): string {
  const lines = [`${title}: n=${s.n} intent accuracy ${pct(s.intentAccuracy)}, handoff recall ${pct(s.handoffRecall)}, precision ${pct(s.handoffPrecision)}`];
  lines.push('  intent            n   accuracy');
  for (const [k, v] of Object.entries(s.byIntent).sort()) lines.push(`  ${k.padEnd(16)} ${String(v.n).padStart(3)}   ${pct(v.accuracy)}`);
  lines.push('  reason             tp  fp  fn  precision  recall');
  for (const [k, v] of Object.entries(s.byReason)) {
    if (v.tp + v.fp + v.fn === 0) continue;
    lines.push(`  ${k.padEnd(18)} ${String(v.tp).padStart(2)}  ${String(v.fp).padStart(2)}  ${String(v.fn).padStart(2)}  ${pct(v.precision).padStart(9)}  ${pct(v.recall).padStart(6)}`);
  }
  return lines.join('\n');
}
