/**
 * Text shaped for SMS: plain (no markup), GSM-7 where it can be, and cut into messages of at most
 * three segments at sentence ends.
 *
 * Segment sizes follow 3GPP TS 23.038 / 23.040: GSM-7 carries 160 septets in one segment and 153 in
 * each part of a concatenated message (the UDH takes 7); characters of the extension table cost two
 * septets (ESC + char) and are never split across parts. UCS-2 carries 70 code units, 67 per part;
 * a surrogate pair (emoji) is not split either.
 *
 *     countSegments('Hallo')            // { encoding: 'GSM-7', units: 5, segments: 1 }
 *     splitForSms(longText)             // ['…', '…'], each at most 3 segments
 */

// The GSM 03.38 default alphabet (without ESC) and its extension table.
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('\f^{}\\[~]|€');

export type Encoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: Encoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

export const MAX_SEGMENTS = 3;
/** Twilio refuses a Body over 1600 characters (error 21617); WhatsApp messages are cut there too. */
export const MAX_BODY_CHARS = 1600;

const LIMITS: Record<Encoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM7_BASIC.has(ch) && !GSM7_EXTENSION.has(ch)) return false;
  return true;
}

/** How many segments `text` takes as one SMS, and in which encoding. */
export function countSegments(text: string): SegmentCount {
  const encoding: Encoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const costs = [...text].map((ch) => (encoding === 'GSM-7' ? (GSM7_EXTENSION.has(ch) ? 2 : 1) : ch.length));
  const units = costs.reduce((a, b) => a + b, 0);
  const { single, part } = LIMITS[encoding];
  if (units === 0) return { encoding, units, segments: 0 };
  if (units <= single) return { encoding, units, segments: 1 };
  // Pack greedily: a two-unit character that does not fit in this part starts the next one.
  let segments = 1;
  let used = 0;
  for (const c of costs) {
    if (used + c > part) {
      segments += 1;
      used = 0;
    }
    used += c;
  }
  return { encoding, units, segments };
}

// Typography that has a plain GSM-7 equivalent (what Twilio's "smart encoding" also swaps).
const REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/\u2026/g, '...'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' '],
  [/[\u200B-\u200D\u2060\uFEFF]/g, ''],
  [/[\u2022\u2023\u25E6\u2043\u00B7]/g, '-'],
  [/\u00D7/g, 'x'],
];

/**
 * Swaps typography and letters outside GSM-7 for GSM-7 look-alikes, so Dutch text stays at 160
 * characters a segment: curly quotes, dashes, the ellipsis, odd spaces; ë → e, ï → i, ó → o (the
 * accents GSM-7 has, like é and ü, stay). Emoji and other scripts are left alone (they need UCS-2).
 */
export function toGsm7Friendly(text: string): string {
  let out = text;
  for (const [re, to] of REPLACEMENTS) out = out.replace(re, to);
  let result = '';
  for (const ch of out) {
    if (GSM7_BASIC.has(ch) || GSM7_EXTENSION.has(ch)) {
      result += ch;
      continue;
    }
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    result += base !== ch && isGsm7(base) ? base : ch;
  }
  return result;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Plain text from whatever a dialog or caseworker wrote: HTML tags and entities, Markdown emphasis,
 * headings, quotes and code marks go; links keep their address ("label (https://…)"); URLs in angle
 * brackets (<https://…>, Slack's <url|label>) lose the brackets.
 */
export function toPlainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/```[a-z]*\n?([\s\S]*?)```/gi, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<(https?:\/\/[^>|\s]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<((?:https?:\/\/|mailto:|tel:)[^>\s]+)>/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=[\s).,!?:;]|$)/g, '$1$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/^[ \t]*[*+][ \t]+/gm, '- ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain, GSM-7-friendly text for SMS; plain text for WhatsApp (which shows every character). */
export function shapeText(text: string, channel: 'sms' | 'whatsapp'): string {
  const plain = toPlainText(text);
  return channel === 'sms' ? toGsm7Friendly(plain) : plain;
}

type Fits = (candidate: string) => boolean;

/** At most `maxSegments` segments as one SMS (and within Twilio's body limit). */
export const fitsSms = (maxSegments = MAX_SEGMENTS): Fits => (t) => t.length <= MAX_BODY_CHARS && countSegments(t).segments <= maxSegments;
const fitsChars = (max: number): Fits => (t) => t.length <= max;

/**
 * Cuts `text` into messages that each fit: whole sentences (ending in . ! ? or a line break) are
 * packed together while they fit; a sentence too long on its own is cut between words; only a
 * word longer than a whole message is cut inside.
 */
export function splitMessages(text: string, fits: Fits): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (fits(trimmed)) return [trimmed];
  const messages: string[] = [];
  let current = '';
  for (const { piece, sep } of sentences(trimmed)) {
    const candidate = current === '' ? piece : current + sep + piece;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') messages.push(current);
    current = '';
    if (fits(piece)) {
      current = piece;
      continue;
    }
    const words = packWords(piece, fits);
    current = words.pop() ?? '';
    messages.push(...words);
  }
  if (current !== '') messages.push(current);
  return messages;
}

/** The messages for one reply on this channel: ≤ 3 segments each for SMS, ≤ 1600 chars for WhatsApp. */
export function splitForChannel(text: string, channel: 'sms' | 'whatsapp', maxSegments = MAX_SEGMENTS): string[] {
  const shaped = shapeText(text, channel);
  return splitMessages(shaped, channel === 'sms' ? fitsSms(maxSegments) : fitsChars(MAX_BODY_CHARS));
}

/** Sentences with the separator that came before each one (a space or a line break). */
function sentences(text: string): Array<{ piece: string; sep: string }> {
  const out: Array<{ piece: string; sep: string }> = [];
  const re = /(?<=[.!?])[ ]+|\n+/g;
  let last = 0;
  let sep = '';
  for (const m of text.matchAll(re)) {
    const piece = text.slice(last, m.index).trim();
    if (piece !== '') out.push({ piece, sep: out.length === 0 ? '' : sep });
    sep = m[0].includes('\n') ? '\n' : ' ';
    last = m.index + m[0].length;
  }
  const tail = text.slice(last).trim();
  if (tail !== '') out.push({ piece: tail, sep: out.length === 0 ? '' : sep });
  return out;
}

function packWords(sentence: string, fits: Fits): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of sentence.split(/ +/)) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') out.push(current);
    current = '';
    let rest = word;
    while (!fits(rest)) {
      const cut = longestFittingPrefix(rest, fits);
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current !== '') out.push(current);
  return out;
}

function longestFittingPrefix(word: string, fits: Fits): number {
  const chars = [...word];
  let n = 0;
  let len = 0;
  while (n < chars.length && fits(word.slice(0, len + chars[n]!.length))) len += chars[n++]!.length;
  return Math.max(len, chars[0]?.length ?? 1);
}
