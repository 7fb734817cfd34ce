/**
 * Which language a message is in: Dutch or English. Short SMS-style messages ("wnr krijg ik geld")
 * defeat statistical detectors, so a vocabulary check decides first and tinyld only breaks ties.
 * Dutch is the default: a Dutch municipality gets mostly Dutch messages.
 */
import { detectAll } from 'tinyld';
import { tokenize } from './text.ts';
import type { Lang } from './types.ts';

const NL_WORDS = `ik je jij jou jouw mijn mn uw de het een en maar want dus niet geen wel wat wanneer wnr waar hoe
waarom wie welke welk met van vd voor naar op aan bij om te dat die dit deze er al nog ook kan kun kunt
wil wilt moet mag heb hebt heeft hebben krijg krijgen krijgt gaat staat graag alstublieft alsjeblieft aub
bedankt dank hallo hoi goedemorgen goedemiddag goedenavond doei tot ziens fijne aanvraag aanvr vergunning
uitkering gemeente geld betaling betaald brief zaak zaaknummer bezwaar klacht mens iemand spreken bellen terug
adres verhuisd verhuizen wijzigen openingstijden telefoonnummer nummer documenten papieren sturen opsturen
ff even nu zijn ben bent was waren word wordt worden hij zij ze wij we jullie ons onze hun hem haar zo
sinds lang duurt hoelang hoeveel waarom omdat als dan toen nooit altijd iets niets niks alles veel weinig
ook hier daar heel erg echt weer alweer nee ja jawel oke prima goed slecht boos klaar gaan doen weet weten
kheb kben kwil kzou wrm ipv ivm mvg groeten vriendelijke geachte beste meneer mevrouw toeslag bijstand
paspoort rijbewijs kwijtschelding parkeervergunning omgevingsvergunning subsidie besluit uitbetaald
overleden overlijden schulden huur betalen begrijp snap rekeningnummer verhuizing dankjewel dankuwel dankje`;

const EN_WORDS = `i you your my the a an and or but so am are was were not no what when where how why who which
with of for to from that this these those it its can could would should will want need have has had get
got please thanks thank hello goodbye bye application applied permit benefit benefits money payment paid
letter case complaint objection person someone somebody speak talk call back address moved move change
opening hours phone number documents papers send sent status hey do does did dont cant wont im ive
there here they them their our we us he she his her anyone anybody human agent help since long how much
many about again still yet just now today week weeks month months ago already really very good bad
angry thanks understand know tell me mine yours received receive decision appeal objection documents
passport license licence allowance subsidy tax taxes rent debt debts died passed away funeral
is`;

// Words written the same in both languages ("is", "in", "u", "me", "status") are in neither list.
const AMBIGUOUS = new Set(['is', 'was', 'had', 'help', 'over', 'in', 'u', 'me', 'we', 'status', 'open', 'hi', 'pls', 'plz', 'info', 'ok', 'oke', 'so']);

function wordSet(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((w) => w.length > 0 && !AMBIGUOUS.has(w)));
}

/** A vocabulary-first language detector; the recognizer extends it with words from the training data. */
export class LanguageDetector {
  readonly nl: Set<string>;
  readonly en: Set<string>;

  constructor(extra?: { nl?: Iterable<string>; en?: Iterable<string> }) {
    this.nl = wordSet(NL_WORDS);
    this.en = wordSet(EN_WORDS);
    for (const w of extra?.nl ?? []) if (!this.en.has(w) && !AMBIGUOUS.has(w)) this.nl.add(w);
    for (const w of extra?.en ?? []) if (!this.nl.has(w) && !AMBIGUOUS.has(w)) this.en.add(w);
  }

  /**
   * `entities`: spans already recognised as postcodes, dates, case numbers …; they say nothing about
   * the language, so the statistical guess does not see them ("1234 AB 15-03-1980" needs no guess).
   */
  detect(text: string, entities: ReadonlyArray<{ start: number; end: number }> = []): Lang {
    try {
      return this.detectUnsafe(text, entities);
    } catch {
      return 'nl';
    }
  }

  private detectUnsafe(text: string, entities: ReadonlyArray<{ start: number; end: number }>): Lang {
    const tokens = tokenize(text.length > 2000 ? text.slice(0, 2000) : text);
    let nl = 0;
    let en = 0;
    for (const t of tokens) {
      if (this.nl.has(t.norm)) nl++;
      else if (this.en.has(t.norm)) en++;
    }
    if (nl > 0 && en === 0) return 'nl';
    if (en > 0 && nl === 0) return 'en';
    // Clear majority: Dutch with a few English words ("mijn application is nog niet approved").
    if (nl >= 2 * en && nl - en >= 2) return 'nl';
    if (en >= 2 * nl && en - nl >= 2) return 'en';
    const stat = statisticalGuess(withoutSpans(text, entities));
    if (stat === null) return en > nl ? 'en' : 'nl';
    // The statistical guess gets a vote worth one word; ties go to Dutch.
    const score = nl - en + (stat === 'nl' ? 1 : -1);
    return score >= 0 ? 'nl' : 'en';
  }
}

function withoutSpans(text: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start > at) out += text.slice(at, s.start);
    out += ' ';
    at = Math.max(at, s.end);
  }
  return out + text.slice(at);
}

function statisticalGuess(text: string): Lang | null {
  if (!/\p{L}{2,}/u.test(text)) return null;
  const guesses = detectAll(text.slice(0, 500), { only: ['nl', 'en'] });
  const best = guesses[0];
  if (best === undefined || best.accuracy < 0.05) return null;
  return best.lang === 'en' ? 'en' : 'nl';
}

const defaultDetector = new LanguageDetector();

/** Everyday words of both languages, known to be spelled right (typo correction leaves them alone). */
export const COMMON_WORDS: readonly string[] = [...wordSet(NL_WORDS), ...wordSet(EN_WORDS), ...AMBIGUOUS];

/** Detects Dutch or English; anything else (or nothing) counts as Dutch. Never throws. */
export function detectLanguage(text: string): Lang {
  return defaultDetector.detect(typeof text === 'string' ? text : '');
}
