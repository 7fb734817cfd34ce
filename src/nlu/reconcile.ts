/**
 * What the recognizer puts together after the parts have read one message: the situations the
 * lexicons found (handoff.ts), with what the learned situation models (situation-model.ts) and the
 * sentiment add, and the classifier's ranking of intents, become one intent and one list of handoff
 * signals, in step with each other (reconcile).
 */
import type { Term } from './analyze.ts';
import { SITUATION_FEATURES } from './features.ts';
import { compareReasons, type Detection } from './handoff.ts';
import { frustrationFromSentiment } from './sentiment.ts';
import { scoreSituations, type SituationFeatures, type SituationModels } from './situation-model.ts';
import { HANDOFF_PRIORITY, type Concern, type EntityType, type HandoffSignal, type Lang, type MessageHandoffReason, type ParseResult } from './types.ts';

/**
 * A message about a special situation ("mijn moeder is overleden", "de deurwaarder komt") often asks
 * nothing the assistant answers; the situation words then pull the classifier towards a random
 * intent. With such a situation present, an intent must be this sure or the message is `none`.
 * Anger is not one of them: an angry message nearly always asks something ("waar blijft mijn geld
 * nou??"), and on the labelled sets the bar only turned such questions into `none`.
 */
export const SITUATION_THRESHOLD = 0.4;
export const SITUATIONS = new Set(['distress', 'financial_hardship', 'bereavement', 'vulnerability']);

const EVIDENCE_MAX = 200;

export const round = (n: number): number => Math.round(n * 1000) / 1000;
/** A suggestion's confidence is under the none threshold: rounded up it could print as the threshold itself. */
export const roundDown = (n: number): number => Math.floor(n * 1000) / 1000;

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > EVIDENCE_MAX ? trimmed.slice(0, EVIDENCE_MAX) : trimmed;
}

export type Intent = ParseResult['intent'];
/** Intents by probability, most likely first. */
export type Ranked = Intent[];

/**
 * The learned models add the reasons the lexicons did not see and no negation denied (situation-model.ts).
 * They read the message without the words an `except` phrase matched, with their own feature weights
 * (SITUATION_FEATURES, not the intent classifier's). `concern`: the strongest reason a model leans
 * to without finding it (between its concern threshold and its threshold).
 */
export function withSituationModels(detection: Detection, models: SituationModels, terms: readonly Term[], text: string, types: EntityType[], numbers: SituationFeatures['numbers']): { detection: Detection; concern: Concern | null; quieted?: HandoffSignal[] } {
  const open = (reason: MessageHandoffReason) => !detection.signals.some((s) => s.reason === reason) && !detection.denied.has(reason) && !detection.quiet.has(reason);
  if (!models.reasons.some(open)) return { detection, concern: null };
  const read = detection.exceptTerms.size > 0 ? terms.filter((_, i) => !detection.exceptTerms.has(i)) : terms;
  const whole = numbers.vector(read, types, SITUATION_FEATURES);
  const { found, leaning } = scoreSituations(models, open, read, text, { numbers, whole }, detection.sure);
  const strongest = leaning.sort((a, b) => compareReasons(a.reason, b.reason))[0];
  const concern = strongest ? { reason: strongest.reason, probability: roundDown(strongest.probability), evidence: clip(text.slice(strongest.start, strongest.end)) } : null;
  const all: HandoffSignal[] = found.map((score) => ({ reason: score.reason, evidence: clip(text.slice(score.start, score.end)) }));
  // A whole message that is a `model_not_alone` phrase: not added, but told apart (ParseResult.quieted).
  const added = all.filter((s) => !detection.alone?.has(s.reason));
  const quieted = all.filter((s) => detection.alone?.has(s.reason));
  if (added.length === 0) return { detection, concern: quieted.length > 0 ? null : concern, ...(quieted.length > 0 ? { quieted } : {}) };
  return { detection: { ...detection, signals: [...detection.signals, ...added].sort((a, b) => compareReasons(a.reason, b.reason)) }, concern };
}

/** Sentiment is one more signal for frustration, used only where the lexicons saw none and nobody denied it. */
export function withSentiment(detection: Detection, text: string, lang: Lang): Detection {
  if (detection.signals.some((s) => s.reason === 'frustration') || detection.denied.has('frustration')) return detection;
  const mood = frustrationFromSentiment(text, lang);
  if (!mood) return detection;
  const signals = [...detection.signals, { reason: 'frustration' as const, evidence: mood.evidence }].sort((a, b) => compareReasons(a.reason, b.reason));
  return { ...detection, signals };
}

/** The `none` threshold, raised when a special situation is in the message (SITUATION_THRESHOLD). */
export function noneThreshold(threshold: number, situation: boolean): number {
  return situation ? Math.max(threshold, SITUATION_THRESHOLD) : threshold;
}

/** The best intent, or `none` when the model is not sure enough. */
export function pick(ranked: Ranked, threshold: number, skip?: string): Intent {
  const best = ranked.find((r) => r.name !== skip);
  if (best === undefined) return { name: 'none', confidence: 1 };
  if (best.confidence < threshold && best.name !== 'none') return { name: 'none', confidence: round(1 - best.confidence) };
  return { name: best.name, confidence: round(best.confidence) };
}

/**
 * Keeps intent and handoff in step: a complaint is both the `complaint` intent and the `complaint`
 * reason, and asking for a person is both `human` and `explicit_request` (CONTRACTS.md §1, §2).
 * Reasons the lexicons found come before reasons taken from the intent alone, within a priority.
 */
export function reconcile(ranked: Ranked, detection: Detection, text: string, threshold: number): { intent: Intent; signals: HandoffSignal[] } {
  const found = detection.signals;
  const has = (reason: HandoffSignal['reason']): boolean => found.some((s) => s.reason === reason);
  const situation = found.some((s) => SITUATIONS.has(s.reason));
  let intent = pick(ranked, noneThreshold(threshold, situation));
  if (has('complaint') && intent.name !== 'complaint') intent = { name: 'complaint', confidence: Math.max(intent.confidence, 0.9) };
  else if (has('explicit_request') && intent.name !== 'human' && intent.name !== 'complaint') {
    intent = { name: 'human', confidence: Math.max(intent.confidence, 0.9) };
  }
  const derived: HandoffSignal[] = [];
  // "geen klacht, wel een vraag": the citizen denied it, so the intent alone does not make it a complaint.
  if (intent.name === 'complaint' && !has('complaint')) {
    if (detection.denied.has('complaint')) intent = pick(ranked, threshold, 'complaint');
    else derived.push({ reason: 'complaint', evidence: clip(text) });
  }
  // "ik wil niet met iemand praten, alleen het adres": the person words were denied, so take what else was asked.
  if (intent.name === 'human' && !has('explicit_request') && detection.denied.has('explicit_request')) intent = pick(ranked, threshold, 'human');
  if (intent.name === 'human' && !has('explicit_request') && !detection.denied.has('explicit_request')) {
    derived.push({ reason: 'explicit_request', evidence: clip(text) });
  }
  const signals = [...found, ...derived];
  const rank = (s: HandoffSignal): number => (derived.includes(s) ? 1 : 0);
  signals.sort((a, b) => HANDOFF_PRIORITY[a.reason] - HANDOFF_PRIORITY[b.reason] || rank(a) - rank(b) || compareReasons(a.reason, b.reason));
  return { intent, signals };
}
