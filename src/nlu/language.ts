/**
 * Which language a message is in: Dutch or English. Short SMS-style messages ("wnr krijg ik geld")
 * defeat statistical detectors, so a vocabulary check decides first and tinyld only breaks ties.
 * Dutch is the default: a Dutch municipality gets mostly Dutch messages.
 */
import { detectAll } from 'tinyld';
import { normalizeWord, tokenize, type Token } from './text.ts';
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
wanna gonna gotta dunno
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
   * `tokens`: tokenize(text), when the caller has it already.
   */
  detect(text: string, entities: ReadonlyArray<{ start: number; end: number }> = [], tokens?: readonly Token[]): Lang {
    return this.decide(text, entities, tokens).lang;
  }

  /**
   * The language, and whether the words alone decided it (`sure`). Not sure: words of both languages
   * with no clear majority, or none known, so a guess broke the tie ("i wanna die": "i" and "die" are
   * Dutch words too). The recognizer then also looks for a crisis in the other language.
   */
  decide(text: string, entities: ReadonlyArray<{ start: number; end: number }> = [], tokens?: readonly Token[]): { lang: Lang; sure: boolean } {
    try {
      return this.decideUnsafe(text, entities, tokens);
    } catch {
      return { lang: 'nl', sure: false };
    }
  }

  private decideUnsafe(text: string, entities: ReadonlyArray<{ start: number; end: number }>, given: readonly Token[] | undefined): { lang: Lang; sure: boolean } {
    const tokens = given !== undefined && text.length <= 2000 ? given : tokenize(text.length > 2000 ? text.slice(0, 2000) : text);
    let nl = 0;
    let en = 0;
    for (const t of tokens) {
      if (this.nl.has(t.norm)) nl++;
      else if (this.en.has(t.norm)) en++;
    }
    if (nl > 0 && en === 0) return { lang: 'nl', sure: true };
    if (en > 0 && nl === 0) return { lang: 'en', sure: true };
    // Clear majority: Dutch with a few English words ("mijn application is nog niet approved").
    if (nl >= 2 * en && nl - en >= 2) return { lang: 'nl', sure: true };
    if (en >= 2 * nl && en - nl >= 2) return { lang: 'en', sure: true };
    const stat = statisticalGuess(withoutSpans(text, entities));
    if (stat === null) return { lang: en > nl ? 'en' : 'nl', sure: false };
    // The statistical guess gets a vote worth one word; ties go to Dutch.
    const score = nl - en + (stat === 'nl' ? 1 : -1);
    return { lang: score >= 0 ? 'nl' : 'en', sure: false };
  }
}

/** Languages close enough to Dutch or English that tinyld mistakes SMS Dutch, dialect or English for them. */
const NEAR = new Set(['nl', 'en', 'af', 'fy', 'li', 'nds', 'lb', 'sco']);

/**
 * Everyday words of the other languages people in the Netherlands most often write in, that are not
 * Dutch, English or a Dutch dialect ("ich", "mit", "nie", "je", "pas", "ben" are left out: Limburgish,
 * SMS Dutch and Dutch have them too). Written without accents: words are compared as normalised.
 */
const OTHER_WORDS: Record<string, string> = {
  de: `nicht bitte mochte habe hast hat meines meinen meine mein meinem keinen keine kein wann bekomme
    bekommen ist und sie guten danke sprechen deutsch einem einen eine antrag antrags bescheid warum schon
    auch gestorben konnen muss tun bezahlen miete sind bin wir ihnen verstehe nichts niederlandisch hilfe
    brauche mochten gerne arbeit wohnung auf seit warte oder aber dass wird haben kannst helfen antwort`,
  fr: `est bonjour merci beaucoup vous voudrais veux parler quand mon mes demande argent recois savoir
    suis avoir pour avec quelqu quelquun neerlandais francais parle cest plait aide besoin une des les qui
    pourquoi comment jai lettre bonsoir madame monsieur mourir`,
  es: `hola quiero saber estado solicitud gracias por favor cuando dinero puedo hablar necesito ayuda
    espanol tengo buenos dias holandes carta pago senor senora morir`,
  pt: `ola qual estado meu minha pedido obrigado obrigada quando dinheiro falar preciso ajuda portugues nao
    bom dia tenho posso carta pagamento voce`,
  it: `buongiorno vorrei sapere stato della mia domanda grazie quando soldi parlare aiuto italiano non sono
    lettera pagamento mio perche buonasera`,
  pl: `dzien dobry chcialbym chciałbym chciałabym zapytac mojego moja moj wniosku wniosek mowie holendersku
    polsku kiedy dostane pieniadze dziekuje prosze pomoc jest czy mam moge pomocy rozmawiac dlaczego`,
  tr: `merhaba basvurumun basvuru durumu nedir hollandaca bilmiyorum yardım yardim eder misiniz param zaman
    gelecek tesekkurler tesekkur turkce konusmak istiyorum para mektup neden nasıl nasil benim lutfen yok`,
  ro: `buna ziua este stadiul cererii mele multumesc vorbesc romana ajutor bani cand vreau scrisoare plata`,
};
/** The languages of OTHER_WORDS by name, in Dutch, for the caseworker ("Schrijft in het Duits"). */
export const OTHER_LANGUAGE_NAMES: Readonly<Record<string, string>> = { de: 'Duits', fr: 'Frans', es: 'Spaans', pt: 'Portugees', it: 'Italiaans', pl: 'Pools', tr: 'Turks', ro: 'Roemeens' };
/** Each word of OTHER_WORDS, normalised, with the languages it is an everyday word of. */
const OTHER = new Map<string, string[]>();
for (const [lang, list] of Object.entries(OTHER_WORDS)) {
  for (const w of list.split(/\s+/).filter(Boolean).map(normalizeWord)) OTHER.set(w, [...(OTHER.get(w) ?? []), lang]);
}
const CORE_NL = wordSet(NL_WORDS);
const CORE_EN = wordSet(EN_WORDS);

/**
 * The language of a message in neither Dutch nor English but in Latin letters ("Guten Tag, wie ist der
 * Stand meines Antrags?", "Bonjour, où en est ma demande"): its ISO 639-1 code, or null. Only when at
 * least two of its words are everyday words of that language (OTHER_WORDS), more than it has everyday
 * Dutch or English words, and tinyld agrees; a Dutch message in dialect or full of typos stays Dutch.
 * `tokens`: tokenize(text), when the caller has it already.
 */
export function otherLanguage(text: string, entities: ReadonlyArray<{ start: number; end: number }> = [], tokens?: readonly Token[]): string | null {
  const plain = withoutSpans(text.length > 2000 ? text.slice(0, 2000) : text, entities);
  // The caller's tokens of the whole text are those of `plain` when nothing was cut or left out.
  const words = tokens !== undefined && text.length <= 2000 && entities.length === 0 ? tokens : tokenize(plain);
  let known = 0;
  const hits = new Map<string, number>();
  for (const t of words) {
    if (CORE_NL.has(t.norm) || CORE_EN.has(t.norm)) known++;
    else for (const lang of OTHER.get(t.norm) ?? []) hits.set(lang, (hits.get(lang) ?? 0) + 1);
  }
  const [lang, count] = [...hits].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (count < 2 || count <= known) return null;
  const guesses = detectAll(plain.slice(0, 500));
  const best = guesses[0];
  if (best?.lang !== lang || best.accuracy < 0.1) return null;
  const near = guesses.filter((g) => NEAR.has(g.lang)).reduce((m, g) => Math.max(m, g.accuracy), 0);
  return best.accuracy >= 1.5 * near ? lang : null;
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
