/**
 * SMS and chat shorthand, expanded before classification and lexicon matching. Keys are normalised
 * tokens (see text.ts); values are one or more words.
 */
import type { Lang } from './types.ts';

export const ABBREVIATIONS: Record<Lang, Record<string, string>> = {
  nl: {
    wnr: 'wanneer', wanneeer: 'wanneer', wnneer: 'wanneer', wannr: 'wanneer', opn: 'open',
    aanvr: 'aanvraag', aanvrg: 'aanvraag', avr: 'aanvraag',
    vd: 'van de', vh: 'van het', ivm: 'in verband met', tav: 'ten aanzien van',
    ff: 'even', eff: 'even', effe: 'even', efkes: 'even',
    pls: 'alsjeblieft', plz: 'alsjeblieft', aub: 'alstublieft', ajb: 'alsjeblieft', svp: 'alstublieft',
    bvd: 'bedankt', tnx: 'bedankt', thx: 'bedankt', thnx: 'bedankt', ty: 'bedankt', tks: 'bedankt', cya: 'doei', cu: 'doei', ciao: 'doei', aju: 'ajuus', doeg: 'doei', bdankt: 'bedankt', bedankd: 'bedankt', tysm: 'bedankt', tyvm: 'bedankt', dankje: 'dank je', dankjewel: 'dank je wel', dankuwel: 'dank u wel', dnk: 'dank', dnkje: 'dank je', dnkjw: 'dank je wel', dankjw: 'dank je wel', djw: 'dank je wel', bdnkt: 'bedankt',
    mss: 'misschien', mischien: 'misschien', idd: 'inderdaad', iig: 'in ieder geval', ipv: 'in plaats van',
    k: 'ik', kzou: 'ik zou', kheb: 'ik heb', kben: 'ik ben', kwil: 'ik wil', kan: 'kan', kmoet: 'ik moet',
    ik: 'ik', m: 'mijn', mn: 'mijn', mijn: 'mijn', me: 'me', zn: 'zijn', zijn: 'zijn',
    t: 'het', da: 'dat', dat: 'dat', nie: 'niet', ni: 'niet', nt: 'niet', nit: 'niet',
    wrm: 'waarom', wa: 'wat', wt: 'wat', hoelang: 'hoe lang', hoeveel: 'hoeveel',
    gem: 'gemeente', gmnt: 'gemeente', gemeent: 'gemeente',
    verg: 'vergunning', vergun: 'vergunning', uitk: 'uitkering', bijst: 'bijstand',
    gr: 'groeten', grt: 'groeten', grtn: 'groeten', mvg: 'met vriendelijke groet', mvgr: 'met vriendelijke groet',
    dag: 'dag', doei: 'doei', hoi: 'hoi', hey: 'hoi', hallo: 'hallo', hee: 'hoi',
    tel: 'telefoon', telnr: 'telefoonnummer', nr: 'nummer', nmr: 'nummer', nummr: 'nummer',
    zaaknr: 'zaaknummer', dossiernr: 'dossiernummer', rek: 'rekening', reknr: 'rekeningnummer',
    adres: 'adres', wzg: 'wijziging', info: 'informatie', docs: 'documenten',
    gwn: 'gewoon', gwoon: 'gewoon', nog: 'nog', alweer: 'alweer', wer: 'weer',
    mens: 'mens', iemnd: 'iemand', iem: 'iemand', medew: 'medewerker', mdw: 'medewerker',
    bellen: 'bellen', terugbel: 'terugbellen', tb: 'terugbellen',
    zsm: 'zo snel mogelijk', asap: 'zo snel mogelijk', evt: 'eventueel', oa: 'onder andere',
    wss: 'waarschijnlijk', ofzo: 'of zo', nu: 'nu', nou: 'nou', kzie: 'ik zie', kweet: 'ik weet',
    kzit: 'ik zit', ksta: 'ik sta', kga: 'ik ga', kkan: 'ik kan', kdenk: 'ik denk', kvoel: 'ik voel',
    nix: 'niks', vr: 'voor', wg: 'weg', isset: 'is het', kunje: 'kun je', kanje: 'kan je', wiltje: 'wil je', heje: 'heb je',
  },
  en: {
    u: 'you', ur: 'your', r: 'are', pls: 'please', plz: 'please', pl: 'please', thx: 'thanks', tnx: 'thanks',
    ty: 'thank you', tysm: 'thank you so much', tyvm: 'thank you very much', tks: 'thanks', thanx: 'thanks', thnx: 'thanks', thnks: 'thanks', thks: 'thanks', cya: 'see you', bye: 'bye', im: 'i am', ive: 'i have',
    dont: 'dont', cant: 'cant', wont: 'wont', wanna: 'want to', gonna: 'going to',
    gotta: 'have to', wat: 'what', wht: 'what', hw: 'how', wen: 'when', whn: 'when', abt: 'about', bc: 'because',
    cuz: 'because', coz: 'because', b4: 'before', '2day': 'today', tmrw: 'tomorrow', tmr: 'tomorrow',
    msg: 'message', appl: 'application', app: 'application', info: 'information', docs: 'documents',
    asap: 'as soon as possible', hrs: 'hours', hr: 'hour', ppl: 'people', sb: 'somebody', smb: 'somebody',
    sth: 'something', ph: 'phone', tel: 'phone', no: 'no', nr: 'number', num: 'number', acct: 'account',
    yr: 'year', yrs: 'years', govt: 'government', pmt: 'payment', amt: 'amount', hi: 'hi', hey: 'hey',
    kno: 'know', ovr: 'over', ded: 'dead', no1: 'no one', sum1: 'someone', some1: 'someone', any1: 'anyone',
    every1: 'everyone', evry1: 'everyone', gona: 'going to', gunna: 'going to', b: 'be', tonite: 'tonight', '2nite': 'tonight', txted: 'texted', thru: 'through', luv: 'love',
    // A wrong first letter, which the typo search does not try.
    enymore: 'anymore', eny: 'any', enything: 'anything', enyone: 'anyone', enybody: 'anybody', enyway: 'anyway', enuf: 'enough',
  },
};

/** Returns the expansion of a shorthand token, or the token itself. */
export function expand(norm: string, lang: Lang): string {
  // Own keys only: a word such as "constructor" must not find Object.prototype's.
  const table = ABBREVIATIONS[lang];
  return Object.hasOwn(table, norm) ? table[norm]! : norm;
}

/**
 * Emoji that say in a chat or SMS what words would say, as the word in each language. Citizens in a
 * crisis often write little or nothing besides them ("😭😭💊💊", "🪦 bye"), and without this the NLU
 * does not see them at all (text.ts reads letters and digits only). Only emoji with one plain meaning
 * are here: not 💀 or 🙃, which mostly mean a laugh, nor 👋 or 🙏, which greet, thank or beg.
 */
export const EMOJI_WORDS: Record<Lang, Record<string, string>> = {
  nl: {
    '💊': 'pillen', '🪦': 'graf', '⚰': 'doodskist', '🔪': 'mes', '🪢': 'touw', '🌉': 'brug', '🩸': 'bloed',
    '🆘': 'help',
  },
  en: {
    '💊': 'pills', '🪦': 'grave', '⚰': 'coffin', '🔪': 'knife', '🪢': 'rope', '🌉': 'bridge', '🩸': 'blood',
    '🆘': 'help',
  },
};

/** The emoji of EMOJI_WORDS, each one code point (a variation selector after it, as in "⚰️", is left out). */
const EMOJI = new RegExp(`[${[...new Set(Object.values(EMOJI_WORDS).flatMap((words) => Object.keys(words)))].join('')}]`, 'gu');

/**
 * The emoji of EMOJI_WORDS in a text, each as its word in `lang` with its offsets; a run of the same
 * emoji ("😭😭😭") is one word.
 */
export function emojiWords(text: string, lang: Lang): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  const words = EMOJI_WORDS[lang];
  for (const m of text.matchAll(EMOJI)) {
    const word = words[m[0]];
    if (word === undefined) continue;
    const start = m.index;
    const end = start + m[0].length;
    const prev = out.at(-1);
    if (prev && prev.word === word && /^[\s\ufe0f\u200d]*$/.test(text.slice(prev.end, start))) prev.end = end;
    else out.push({ word, start, end });
  }
  return out;
}
