import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/nlu/analyze.ts';
import { HandoffDetector } from '../../src/nlu/handoff.ts';
import { compileLexicons } from '../../src/nlu/lexicon.ts';
import type { Lang } from '../../src/nlu/index.ts';
import { sharedRecognizer, trainingData } from './helpers.ts';

/** A detector for one distress lexicon with these nl/en lists. */
const distressLexicon = (lists: Record<string, unknown>) => new HandoffDetector(compileLexicons([{ version: 1, kind: 'lexicon', id: 'd', reason: 'distress', ...lists }]));
/** The evidence of each situation `detector` finds in `text`. */
/** The real lexicons' phrases alone (no learned model), built once for the tests that read them. */
let realDetector: HandoffDetector | undefined;
const detectWithRealLexicons = async (text: string, lang: Lang) =>
  (realDetector ??= new HandoffDetector(compileLexicons((await trainingData()).lexicons))).detect(text, analyze(text, lang, null), lang);
const evidence = (detector: HandoffDetector, text: string, lang: Lang) => detector.detect(text, analyze(text, lang, null), lang).signals.map((s) => s.evidence);

async function parse(text: string) {
  return (await sharedRecognizer()).parse(text);
}

/** Each message's strongest reason (null: none), beside its text, so a failure names the message. */
async function expectReasons(cases: ReadonlyArray<readonly [string, string | null]>): Promise<void> {
  for (const [text, reason] of cases) expect({ text, reason: (await parse(text)).handoff?.reason ?? null }).toEqual({ text, reason });
}
const each = (texts: string[], reason: string | null) => texts.map((text) => [text, reason] as const);

describe('special situations in one message', () => {
  it('hears asking for the crisis line 113 as distress (a person at once, with 113), and an ex hammering on the door as violence at home', async () => {
    await expectReasons([
      ...each(['kan ik 113 bellen?', 'can I call 113?', 'moet ik 113 bellen'], 'distress'),
      ...each(['mijn ex bonkt op de deur', 'my ex is banging on the door'], 'distress'),
      // Not the office's own number, nor 112 for a street lamp or an amount, nor someone who works at a crisis service,
      // nor an ex who comes for the children or wants to talk about them. A bare "kan ik bellen?" asks for
      // the phone number (contact_hours; the dialog gives the number and hours by rule either way).
      ['kan ik bellen?', null],
    ]);
    for (const text of ['moet ik de huisartsenpost bellen voor een verklaring', 'er is 112 euro afgeschreven bel ik de bank?', 'u kunt mij bereiken op 06 12 34 5 112 bel gerust',
      'mijn ex staat voor de deur om de kinderen op te halen, moet ik dat ergens melden?', 'my ex is trying to get in touch with me about the children',
      'kan ik 112 bellen voor een kapotte lantaarnpaal?', 'Ik ben verpleegkundige bij een crisisdienst en bel soms namens cliënten. Zijn er aparte telefoontijden?']) {
      expect({ text, distress: (await parse(text)).handoffs.some((h) => h.reason === 'distress') }).toEqual({ text, distress: false });
    }
  });

  it.each([
    ['mijn man is overleden, hoe staat het met de aanvraag', 'bereavement', 'overleden'],
    // A child born dead: no word of dying in it.
    ['hoe meld ik een doodgeboren kindje aan', 'bereavement', 'doodgeboren'],
    ['our baby was stillborn, how do we register the birth?', 'bereavement', 'stillborn'],
    ['ik kan de huur niet betalen', 'financial_hardship', 'huur niet betalen'],
    ['ik kan niet meer', 'distress', 'kan niet meer'],
    ['ik zie het niet meer zitten', 'distress', 'zie het niet meer zitten'],
    ['ik trek het niet meer', 'distress', 'trek het niet meer'],
    ['I don\'t want to live', 'distress', 'don\'t want to live'],
    ['ik wil een mens spreken', 'explicit_request', 'mens spreken'],
    ['can I talk to a person', 'explicit_request', 'talk to a person'],
    ['ik spreek geen nederlands', 'vulnerability', 'spreek geen nederlands'],
    ['ik begrijp het niet', 'vulnerability', 'begrijp het niet'],
    ['dit is de derde keer dat ik bel, belachelijk', 'frustration', 'derde keer'],
    ['ik wil een klacht indienen', 'complaint', 'klacht'],
  ])('"%s" → %s, evidence contains "%s"', async (text, reason, evidence) => {
    const r = await parse(text);
    expect(r.handoff?.reason).toBe(reason);
    expect(r.handoff?.evidence).toContain(evidence);
    expect(text).toContain(r.handoff!.evidence);
  });

  it.each([
    'ik ben niet boos',
    'ik heb geen schulden',
    'I am not angry at all',
    'I have no debts',
    'ik kan niet meer inloggen op de website',
    'ik begrijp niet waarom het zo lang duurt',
    'geen klacht, wel een vraag over mijn aanvraag',
    'ik heb nog geen geld ontvangen',
    'ik wil een abonnement op de krant',
  ])('sees no special situation in "%s"', async (text) => {
    expect((await parse(text)).handoff).toBeNull();
  });

  it('carries an intent and a handoff at once', async () => {
    const r = await parse('mijn man is overleden, hoe staat het met de aanvraag');
    expect(r.intent.name).toBe('case_status');
    expect(r.handoff?.reason).toBe('bereavement');
  });

  it('gives the highest-priority reason as `handoff` and lists all of them', async () => {
    const r = await parse('ik heb schulden en ik wil dood, ik wil een mens spreken');
    expect(r.handoff?.reason).toBe('distress');
    expect(r.handoffs.map((h) => h.reason)).toEqual(expect.arrayContaining(['distress', 'financial_hardship', 'explicit_request']));
    expect(r.handoffs[0]).toEqual(r.handoff);
  });

  it('keeps the complaint intent and the complaint reason in step', async () => {
    for (const text of ['ik wil een klacht indienen over een medewerker', 'the man at the desk was very rude to me']) {
      const r = await parse(text);
      expect(r.intent.name).toBe('complaint');
      expect(r.handoffs.map((h) => h.reason)).toContain('complaint');
    }
  });

  it('makes a request for a person both the human intent and explicit_request', async () => {
    for (const text of ['ik wil een mens spreken', 'mag ik iemand bellen', 'can I talk to a person', 'medewerker']) {
      const r = await parse(text);
      expect(r.intent.name).toBe('human');
      expect(r.handoff?.reason).toBe('explicit_request');
    }
  });

  it('does not take bringing someone along to an appointment as asking for a person', async () => {
    for (const text of ['mag ik iemand meenemen als ik langskom voor mijn rijbewijs', 'mag ik iemand meenemen naar het gesprek', 'kan ik iemand meenemen naar de balie', 'mag mijn buurman mee naar het gemeentehuis', 'is het goed als ik mijn broer meeneem naar de afspraak']) {
      expect({ text, handoff: (await parse(text)).handoff }).toEqual({ text, handoff: null });
    }
    expect((await parse('mag ik iemand spreken')).handoff?.reason).toBe('explicit_request');
  });

  it('reads English "want" as a verb, not as the Dutch "want" (because) that closes a clause', async () => {
    const r = await parse("I don't want to talk to anyone, just tell me which documents I need");
    expect(r.handoff).toBeNull();
    expect(r.intent.name).toBe('documents');
    // In Dutch "want" still starts a new clause: the negation before it does not reach across.
    expect((await parse('ik bel niet voor niets, want ik wil een mens spreken')).handoff?.reason).toBe('explicit_request');
  });

  it('hears a wish for a phone call with a person, and "operator please", as asking for a person', async () => {
    // With a case around it the classifier reads the case question; the phrase still asks for a person.
    expect((await parse('Mijn moeder heeft een aanvraag voor een traplift lopen en ik regel haar zaken. Ik zou graag telefonisch contact hebben met de behandelaar.')).handoff?.reason).toBe('explicit_request');
    expect((await parse('my application for a parking permit, operator please')).handoff?.reason).toBe('explicit_request');
    expect((await parse('hoe kan ik telefonisch contact opnemen')).handoff).toBeNull();
  });

  it('takes the next intent when the citizen says they do not want a person', async () => {
    const r = await parse('ik wil niet met iemand praten, ik wil alleen het adres weten waar ik mijn paspoort kan ophalen');
    expect(r.intent.name).not.toBe('human');
    expect(r.handoff).toBeNull();
  });

  it('does not take idioms about dying for a death or a crisis', async () => {
    for (const text of ['ik schrok me dood van die brief', 'ik kan niet meer stoppen met lachen', 'mijn telefoon is bijna dood, ik bel later', 'I nearly died laughing', "I'm dying to know when it is paid"]) {
      expect({ text, handoff: (await parse(text)).handoff }).toEqual({ text, handoff: null });
    }
  });

  it('finds indirect signs of a crisis', async () => {
    await expectReasons(each(['ik heb een hele stapel pillen liggen', 'ik weet niet hoe ik verder moet', 'ik hou het niet langer vol', 'I keep thinking about how to end it', 'I have nobody left'], 'distress'));
  });

  it('reads the intent from the rest of the message when a situation is in it', async () => {
    const cases: Array<[string, string, string | null]> = [
      // Was `none`: the anger words made the classifier unsure of the payment question.
      ['ik ben het zat, al drie maanden wacht ik op mijn geld', 'payment', 'frustration'],
      ['mijn vrouw is vorige maand overleden, wanneer wordt de toeslag betaald', 'payment', 'bereavement'],
      ['geen klacht hoor, ik wil alleen weten wanneer de uitkering komt', 'payment', null],
      ['I am not angry, just curious how my application is going', 'case_status', null],
    ];
    for (const [text, intent, reason] of cases) {
      const r = await parse(text);
      expect({ text, intent: r.intent.name, reason: r.handoff?.reason ?? null }).toEqual({ text, intent, reason });
    }
  });

  it('lets a first-person phrase match the same words about someone else only with about_others', () => {
    const lexicon = (aboutOthers: boolean) => distressLexicon({ about_others: aboutOthers, nl: { phrases: ['mezelf iets aandoen'] }, en: { phrases: ['end my life'] } });
    for (const [text, lang, shown] of [['hij wil zichzelf iets aandoen', 'nl', 'zichzelf iets aandoen'], ['he has a plan to end his life', 'en', 'end his life']] as const) {
      expect(evidence(lexicon(false), text, lang)).toEqual([]);
      expect(evidence(lexicon(true), text, lang)).toEqual([shown]);
    }
    // "me" is not widened: "better off without him" is nobody's crisis.
    expect(evidence(lexicon(true), 'ik wil mezelf iets aandoen', 'nl')).toEqual(['mezelf iets aandoen']);
  });

  it('tells the words of a situation found further on, apart from its evidence ("I don\'t speak Dutch … I am blind"), and none when there are none', async () => {
    const of = async (text: string) => (await detectWithRealLexicons(text, 'en')).signals.map(({ reason, evidence, further }) => ({ reason, evidence, further }));
    expect(await of("Hello I don't speak Dutch. I am blind and I moved here last month, how do I register?")).toEqual([{ reason: 'vulnerability', evidence: "don't speak Dutch", further: ['blind'] }]);
    expect(await of('hi i dont speak dutch, i moved here for work from india, what do i have to arrange when you move to the netherlands?')).toEqual([{ reason: 'vulnerability', evidence: 'dont speak dutch', further: undefined }]);
  });

  it('finds "iets aandoen" in every form of the verb by its phrases alone, also after an except elsewhere in the message', async () => {
    for (const text of [
      'ik ben bang dat ze zichzelf iets aandoet',
      'ze gaat niet meer naar buiten en ik ben bang dat hij zichzelf wat aandoet',
      'ik ben bang dat ik mezelf iets aandoe',
      'soms denk ik dat ik mezelf iets ga aandoen',
    ]) {
      expect({ text, reasons: (await detectWithRealLexicons(text, 'nl')).signals.map((s) => s.reason) }).toEqual({ text, reasons: ['distress'] });
    }
  });

  it('hears the means at hand (a hose, a razor in the bath, the top of a car park, how many pills it takes) by phrases alone, also misspelt', async () => {
    for (const [text, lang] of [
      ['ik heb een slang aan de uitlaat gemaakt', 'nl'], ['ik zit in bad met een scheermesje', 'nl'], ['ik sta boven op de flat', 'nl'],
      ['hoeveel paracetamol is genoeg', 'nl'],
      ['there is a hose in the boot', 'en'], ['sitting in the tub with a razor', 'en'], ['im on top of the car park now', 'en'],
      ['how many painkillers would it take', 'en'],
    ] as const) {
      expect({ text, reasons: (await detectWithRealLexicons(text, lang)).signals.map((s) => s.reason) }).toEqual({ text, reasons: ['distress'] });
    }
    // A consonant typed twice is a respelling, trusted by the phrases even in a word of six letters
    // (before, "garrage" was a guess, too short to trust, and the request for a call won).
    for (const text of ['bel me terug aub, zit in auto met de motor aan in de garrage']) {
      expect({ text, reason: (await parse(text)).handoff?.reason }).toEqual({ text, reason: 'distress' });
    }
  });

  it('hears days or weeks without eating and "rather die", also g-dropped or misspelt; not a chore said to make a point, nor no food for want of money', async () => {
    for (const [text, lang] of [
      ['al twee weken niks gegeten en het maakt me niet meer uit', 'nl'], ['ben al dagen niets gegeten', 'nl'],
      ['not eating for weeks now, whats the point', 'en'], ['cant eat for days since the letter came', 'en'],
      ['my brother says he would rather die than go back to that hostel', 'en'],
    ] as const) {
      expect({ text, distress: (await detectWithRealLexicons(text, lang)).signals.some((s) => s.reason === 'distress') }).toEqual({ text, distress: true });
    }
    // "eatin" is a word of its own in the training examples, which hid "eating" from the phrases; "stoped" a guess.
    for (const text of ['stoped eatin since the bailiff came', 'honestly not eatin for weeks, dont care']) {
      expect({ text, reason: (await parse(text)).handoff?.reason }).toEqual({ text, reason: 'distress' });
    }
    for (const [text, lang] of [['I would rather die than fill in this form again haha', 'en'], ['al een week niks gegeten want geen geld', 'nl']] as const) {
      expect({ text, distress: (await detectWithRealLexicons(text, lang)).signals.some((s) => s.reason === 'distress') }).toEqual({ text, distress: false });
    }
  });

  it('hears a child run away, an old parent confused, and someone put out of their home; not a pet run away or a bouncer', async () => {
    const recognizer = await sharedRecognizer();
    const reasonOf = (text: string) => ({ text, reason: recognizer.parse(text).handoff?.reason ?? null });
    for (const [text, reason] of [
      ['ik ben 17 en mijn ouders hebben me eruit gezet', 'financial_hardship'], ['waar kan ik slapen vannacht?', 'financial_hardship'],
      ['i need help my landlord is throwing me out tomorrow', 'financial_hardship'], ['my parents kicked me out', 'financial_hardship'],
      ['mijn zoon van 15 is weggelopen', 'vulnerability'], ['my son (15) ran away from home', 'vulnerability'], ["my daughter didn't come home last night", 'vulnerability'],
      ['mijn moeder van 90 is in de war en heeft een brief gekregen', 'vulnerability'], ['my mum is getting confused and got a letter', 'vulnerability'],
    ] as const) expect(reasonOf(text)).toEqual({ text, reason });
    for (const text of ['mijn kat is weggelopen', 'my dog ran away', 'they threw me out of the meeting', 'the bouncer kicked us out',
      // Found by the review: a pet or a thing of a child's, waste on the street, guests, a festival, a meeting room, being dropped off, confused by rules.
      'de hond van mijn dochter is weggelopen', 'de fiets van mijn zoon is vermist', "my daughter's cat ran away", "my kid's passport is missing", 'my son is missing his ID card',
      'mijn zoon is op zoek naar een stageplek', 'mijn vader is in de war over de nieuwe afvalregels', 'ik heb mijn grofvuil op straat gezet maar het is niet opgehaald',
      'er is glas op straat gegooid bij de school', 'mijn vader zette me eruit bij het station', 'we hebben geen slaapplaats voor de logés',
      "there's nowhere to stay in town during the festival", 'I got kicked out of the room during the council meeting']) expect(reasonOf(text)).toEqual({ text, reason: null });
  });

  it('keeps a crisis the learned model hears when the message also has a letter not found or a permit to end', async () => {
    const recognizer = await sharedRecognizer();
    for (const text of ['ik heb alles geregeld en vanavond ga ik. ik kon het formulier niet vinden', 'Ik heb besloten dat ik er volgende week niet meer ben. Mijn parkeervergunning, hoe zeg ik die op?',
      'ik zie het nut niet meer van verder gaan, ik kan mijn pasje niet vinden']) {
      expect({ text, reason: recognizer.parse(text).handoff?.reason }).toEqual({ text, reason: 'distress' });
    }
  });

  it('hears an ex who threatens the writer as violence at home, also when a lawyer or a court is named beside it (a false alarm is the safe side)', async () => {
    const recognizer = await sharedRecognizer();
    for (const text of ['mijn ex bedreigt mij', 'mijn ex bedreigt mij met de dood', 'my ex is threatening me', 'mijn ex bedreigt mij met een advocaat, ik ben doodsbang voor hem',
      'my ex keeps threatening me with court and stands outside my house at night', 'mijn ex bedreigt mij met de rechter en met geweld']) {
      expect({ text, reason: recognizer.parse(text).handoff?.reason }).toEqual({ text, reason: 'distress' });
    }
  });

  it('hears a threat, stalking, an unsafe home or abuse by someone close as violence at home (its answer names Veilig Thuis); not a threat of a fine', async () => {
    const recognizer = await sharedRecognizer();
    const lexiconOf = (text: string) => ({ text, lexicon: recognizer.parse(text).handoff?.lexicon ?? null });
    for (const text of ['ik word thuis bedreigd door mijn broer', 'mijn vriend bedreigt me', 'thuis is het niet veilig', 'mijn ex stalkt me en staat steeds voor mijn deur',
      'my brother threatens me at home', "home isn't safe anymore", 'mijn stiefvader doet dingen met me die niet mogen', 'my stepdad does things to me that arent ok',
      // Review: every relative, and the passive ("ik word door mijn man bedreigd").
      'mijn schoonzoon bedreigt me', 'mijn pleegvader bedreigt me', 'mijn zwager bedreigt me en ik ben bang', 'mijn neef bedreigt me', 'mijn exman bedreigt mij',
      'ik word door mijn man bedreigd', 'ik word gestalkt door mijn ex', 'i am being stalked by my ex', 'my uncle threatens me', 'my stepfather threatens me']) {
      expect(lexiconOf(text)).toEqual({ text, lexicon: 'domestic_violence' });
    }
    // A partner's threat stays violence whatever it threatens with (review: an except for money words hid "mijn ex bedreigt me met uitzetting").
    for (const text of ['mijn ex bedreigt me met uitzetting', 'mijn man bedreigt me met uitzetting als ik het aan iemand vertel', 'mijn man bedreigt me met de dood en met een boete']) {
      expect({ text, reason: recognizer.parse(text).handoff?.reason }).toEqual({ text, reason: 'distress' });
    }
    // Threatened by a creditor, a neighbour or a boss, or a home unsafe by its state: no violence at home.
    for (const text of ['ik word bedreigd met afsluiting van het gas', 'de deurwaarder bedreigt me met beslag', 'ik word bedreigd door een incassobureau',
      'de buurman bedreigt me met een rechtszaak over de schutting', 'ik word bedreigd door mijn werkgever', 'het is thuis niet veilig door de kapotte trap',
      "I'm being stalked by debt collectors", 'I was stalked at work once, years ago']) expect(lexiconOf(text).lexicon).not.toBe('domestic_violence');
    expect(recognizer.parse('ik ben 15 en mijn ouders schoppen me eruit').handoff?.reason).toBe('financial_hardship');
  });

  it('hears someone old alone with the paperwork as vulnerable, not angry; and a grandparent who died years ago as no fresh loss', async () => {
    const recognizer = await sharedRecognizer();
    for (const text of ['ik ben 89 en alleen en niemand helpt me met de brieven', "I'm 88 and no one helps me with the forms"]) {
      expect({ text, reason: recognizer.parse(text).handoff?.reason }).toEqual({ text, reason: 'vulnerability' });
    }
    for (const text of ['mijn oma is al jaren geleden overleden, kan ik het graf verlengen', 'my grandma died years ago, can I extend the grave']) {
      expect({ text, reason: recognizer.parse(text).handoff?.reason ?? null }).toEqual({ text, reason: null });
    }
    expect(recognizer.parse('mijn oma is gisteren overleden').handoff?.reason).toBe('bereavement');
  });

  it('reads doing the paperwork tonight, or asking us to do it, as no crisis', async () => {
    const recognizer = await sharedRecognizer();
    for (const text of ['ok dan ga ik het vanavond invullen', 'ik ga het formulier vanavond invullen', 'kunt u het voor mij doen?', "I'll fill in the form tonight", 'can you do it for me?', "I'll send it tonight"]) {
      expect({ text, reason: recognizer.parse(text).handoff?.reason ?? null }).toEqual({ text, reason: null });
    }
  });

  it('reads "if I\'m still here" / "als ik er dan nog ben" after a plain question as distress by its phrases alone', async () => {
    for (const [text, lang] of [
      ["r u open tmrw? if i'm still here", 'en'],
      ['when is the decision, if im still alive by then', 'en'],
      ['wanneer komt het besluit? als ik er dan nog ben', 'nl'],
      ['hoe lang duurt het nog, als ik dan nog leef', 'nl'],
    ] as const) {
      expect({ text, reasons: (await detectWithRealLexicons(text, lang)).signals.map((s) => s.reason) }).toEqual({ text, reasons: ['distress'] });
    }
  });

  it('expands shorthand in a phrase as in a message, so "im|i\'m not ok" matches however it is written', () => {
    const detector = distressLexicon({ nl: { phrases: ['kben|ik ben er klaar mee'] }, en: { phrases: ["im|i'm not ok", 'gonna jump'] } });
    const found = (text: string, lang: Lang) => evidence(detector, text, lang);
    // A message's "im" and "i'm" are read as "i am"; the phrase's were not, so it never matched.
    for (const text of ["i'm not ok", 'im not ok', 'I am not OK']) expect(found(text, 'en')).toEqual([text]);
    expect(found('i think im gonna jump', 'en')).toEqual(['gonna jump']);
    for (const text of ['kben er klaar mee', 'ik ben er klaar mee']) expect(found(text, 'nl')).toEqual([text]);
  });

  it('lets a longer phrase that names an except\'s words stand, and a phrase cross its own comma only', () => {
    const detector = distressLexicon({
      nl: { phrases: ['kan niet meer', 'hoef niet meer zo nodig', 'zelfmoord*'], except: ['niet meer zo', 'zelfmoordpreventie*'] },
      en: { phrases: ['great, the'] },
    });
    const found = (text: string, lang: Lang) => evidence(detector, text, lang);
    expect(found('ik kan niet meer zo lang wachten', 'nl')).toEqual([]);
    expect(found('ik hoef niet meer zo nodig', 'nl')).toEqual(['hoef niet meer zo nodig']);
    expect(found('ik werk bij de zelfmoordpreventielijn', 'nl')).toEqual([]);
    expect(found('Great, the chat crashed again', 'en')).toEqual(['Great, the']);
    expect(found('which is great. I submitted the invoice', 'en')).toEqual([]);
  });

  it('lets a phrase\'s "mijn" match the spoken "me" ("touw in me schuur")', () => {
    const detector = distressLexicon({ nl: { phrases: ['touw in mijn schuur'] }, en: { phrases: ['rope in my shed'] } });
    const found = (text: string, lang: Lang) => evidence(detector, text, lang);
    expect(found('er ligt een touw in me schuur', 'nl')).toEqual(['touw in me schuur']);
    expect(found('er ligt een touw in mijn schuur', 'nl')).toEqual(['touw in mijn schuur']);
    expect(found('there is a rope in me shed', 'en')).toEqual([]);
  });

  it('does not count a situation the writer meets in a role (not_when), except a crisis', async () => {
    const doc = (reason: string) => ({ version: 1, kind: 'lexicon', id: reason, reason, nl: { phrases: ['schulden', 'ik wil dood'], not_when: ['voor een cliënt'] }, en: { phrases: ['debts'] } });
    const found = (reason: string, text: string) => new HandoffDetector(compileLexicons([doc(reason)])).detect(text, analyze(text, 'nl', null), 'nl');
    expect(found('financial_hardship', 'ik heb schulden').signals.map((s) => s.reason)).toEqual(['financial_hardship']);
    const role = found('financial_hardship', 'ik vraag het voor een cliënt met schulden');
    expect(role.signals).toEqual([]);
    // Denied, so the learned model does not add it either.
    expect([...role.denied]).toEqual(['financial_hardship']);
    // A crisis always counts, whoever writes.
    expect(found('distress', 'ik schrijf voor een cliënt: ik wil dood').signals.map((s) => s.reason)).toEqual(['distress']);
    // With the real lexicons: a professional's routine question, and the same words about one's own life.
    expect((await parse('Ik ben bewindvoerder van een cliënt en wil zijn IBAN wijzigen')).handoff).toBeNull();
    expect((await parse('I work at a funeral home and need to know which documents you need for a death')).handoff).toBeNull();
    expect((await parse('mijn bewindvoerder zegt dat ik de huur niet meer kan betalen')).handoff?.reason).toBe('financial_hardship');
  });

  it('keeps the learned model quiet where the message says a hard time is over (model_not_when), but not the phrases', () => {
    const doc = { version: 1, kind: 'lexicon', id: 'distress', reason: 'distress', nl: { phrases: ['ik wil dood'], model_not_when: ['gaat het nu weer goed'] }, en: { phrases: ['want to die'] } };
    const detect = (text: string) => new HandoffDetector(compileLexicons([doc])).detect(text, analyze(text, 'nl', null), 'nl');
    const over = detect('vorig jaar ging het slecht, maar gaat het nu weer goed. welke papieren moet ik sturen?');
    expect([...over.quiet]).toEqual(['distress']);
    expect(over.signals).toEqual([]);
    // A phrase still counts, recovery words or not.
    const phrase = detect('het gaat het nu weer goed zeggen ze, maar ik wil dood');
    expect(phrase.signals.map((s) => s.reason)).toEqual(['distress']);
    expect(detect('ik wil weten wanneer het geld komt').quiet.size).toBe(0);
  });

  it('keeps the learned model quiet for a model_not_alone phrase only when it is the whole message', () => {
    const doc = { version: 1, kind: 'lexicon', id: 'distress', reason: 'distress', nl: { phrases: ['ik wil dood'], model_not_alone: ['en vanavond'] }, en: { phrases: ['want to die'] } };
    const detect = (text: string) => new HandoffDetector(compileLexicons([doc])).detect(text, analyze(text, 'nl', null), 'nl');
    expect([...(detect('en vanavond?').alone ?? [])]).toEqual(['distress']);
    expect([...(detect('En vanavond!').alone ?? [])]).toEqual(['distress']);
    expect(detect('en vanavond?').quiet.size).toBe(0);
    expect(detect('ik heb alles geregeld en vanavond ga ik').alone).toBeUndefined();
    expect(detect('en vanavond ga ik').alone).toBeUndefined();
    expect(detect('zeker, en vanavond').alone).toBeUndefined();
  });

  it('reads a bare "en vanavond?" or "nee hoeft niet" as no crisis, and the same words in a longer message still as one', async () => {
    await expectReasons(each(['en vanavond?', 'vanavond?', 'en vannacht dan?', 'is het vanavond open', 'hoeft niet', 'nee dat hoeft niet', 'dat hoeft niet', 'and tonight?', 'open tonight?'], null));
    // Kept back, not lost: the dialog reads it in context (right after the crisis check-in it counts).
    expect((await parse('vanavond?')).quieted?.map((s) => s.reason)).toEqual(['distress']);
    await expectReasons(each(['hoeft niet meer', 'en vanavond ga ik', 'vanavond maak ik er een eind aan', 'ik weet niet of ik vanavond nog haal', 'tonight i end it'], 'distress'));
  });

  it('reads "ik wil geen medewerker" as no request for a person, and "ik wil een medewerker" as one', async () => {
    await expectReasons(each(['ik wil geen medewerker, alleen informatie', 'ik hoef geen medewerker', 'no person please, just tell me'], null));
    await expectReasons(each(['ik wil een medewerker', 'ik wil graag een medewerker', 'person please'], 'explicit_request'));
  });

  it('reads "the deadline has passed" and "the 1st has passed" as time gone by, not a death', async () => {
    await expectReasons(each(['the deadline has passed', 'the 1st has passed and nothing was paid'], null));
    await expectReasons(each(['my wife has passed', 'she has passed'], 'bereavement'));
  });

  it('reads "hoe zeg ik mijn huur op?" as ending a contract, not giving up; with a crisis beside it, still the crisis', async () => {
    await expectReasons(each(['hoe zeg ik mijn huur op?', 'ik wil mijn huurcontract opzeggen', 'hoe kan ik mijn abonnement opzeggen', 'hoe zeg ik mijn huur op per 1 februari'], null));
    await expectReasons(each(['ik zeg mijn huur op, ik ga nergens anders wonen, het is klaar'], 'distress'));
  });

  it('reads "ik heb geen eten meer" as money trouble, not a crisis; with a crisis beside it, still the crisis', async () => {
    await expectReasons(each(['ik heb geen eten meer', 'we hebben geen eten meer', 'geen eten meer'], 'financial_hardship'));
    await expectReasons(each(['ik heb geen eten meer en wil niet meer leven'], 'distress'));
  });

  it('reads "wat als ze nee zeggen?" as what follows a refusal, not a crisis; with a crisis beside it, still the crisis', async () => {
    await expectReasons(each(['wat als ze nee zeggen', 'en als ze het afwijzen?', 'what if they say no', 'wat gebeurt er als mijn aanvraag wordt afgewezen'], null));
    await expectReasons(each(['als ze nee zeggen is het klaar voor mij', 'wat als ze nee zeggen, dan wil ik niet meer'], 'distress'));
    // Once more, after an objection: "and if they reject it again?" got the crisis line.
    await expectReasons(each(['and if they reject it again?', 'what if you say no again', 'en als ze het weer afwijzen?', 'what if my objection is rejected'], null));
    await expectReasons(each(['what if they reject it again, i will kill myself', 'als ze het weer afwijzen spring ik'], 'distress'));
  });

  it('finds violence at home said in the passive, homelessness and money trouble in everyday words, and a language barrier in another language (talking to the demo)', async () => {
    await expectReasons(each(['ik word mishandeld', 'ik word thuis geslagen', 'I am being abused at home', 'mijn moeder wordt mishandeld door mijn stiefvader',
      'mijn buurvrouw wordt geslagen door haar man, ik hoor het elke nacht', 'ik moet vluchten voor mijn ex, hoe kan ik geheim verhuizen',
      'mn vriend zegt dat hij zich wat aan wil doen wat moet ik doen', 'was het maar voorbij', 'hij heeft zich opgehangen', 'she hanged herself last night'], 'distress'));
    await expectReasons(each(['ik heb de was opgehangen, wanneer komt de vuilnisman'], null));
    expect((await parse('ik word thuis mishandeld')).handoff?.lexicon).toBe('domestic_violence');
    await expectReasons(each(['ik slaap buiten', 'ik sta op straat', 'ik slaap in mn auto sinds vorige week', 'ik moet morgen mijn huis uit en weet niet waar ik heen moet',
      'ik red het niet meer met mn geld', 'i sleep in my car', "i don't have a home"], 'financial_hardship'));
    await expectReasons(each(['no hablo holandes', 'ich spreche kein niederländisch'], 'vulnerability'));
    // Not a crisis, nor homelessness: a subscription ended, a bus awaited, a camping trip, a home abroad.
    await expectReasons(each(['ik wil een eind maken aan mijn abonnement op de groene container', 'ik maak een einde aan mijn huurcontract',
      'ik sta op straat te wachten op de bus'], null));
    await expectReasons(each(['ik wil een eind maken aan mijn leven'], 'distress'));
    // Review: a crisis written without a stop before the contract or benefit stays one; a wait or a flight is none.
    await expectReasons(each(['ik maak er een eind aan mijn uitkering is stopgezet', 'ik maak er een eind aan de huur is te hoog', 'ik maak er een eind aan het contract',
      'hij gaat zich ophangen', 'hij heeft zich iets aangedaan'], 'distress'));
    await expectReasons(each(['was het wachten maar voorbij, wanneer krijg ik bericht', 'ik wou dat het weekend voorbij was', 'was het maar voorbij met die herrie van de buren',
      'ik heb een vlucht voor mijn man en mij geboekt maar mijn paspoort is verlopen', 'our team was beaten at home', 'ik sta met mijn auto op straat, heb ik een parkeervergunning nodig',
      'ik sta al een uur op straat voor jullie deur', 'we slapen buiten op de camping', 'ik moest mijn huis uit voor de verbouwing', "i don't have a home phone number"], null));
  });

  it('finds a threat against staff or the building, also after a condition with a negation; not anger at oneself, a lawyer who objects, or money owed to the writer', async () => {
    await expectReasons(each(['als dit niet geregeld wordt steek ik het gemeentehuis in brand', 'ik kom morgen langs en dan zal je wat meemaken, ik sla die ambtenaar in elkaar',
      "if this isn't fixed I will burn the town hall down"], 'frustration'));
    expect((await parse('als dit niet geregeld wordt steek ik het gemeentehuis in brand')).handoff?.lexicon).toBe('threat');
    await expectReasons(each(['ik heb een advocaat die mijn bezwaar doet, waar stuurt die het heen?', 'ik ben boos op mezelf dat ik de brief te laat heb gelezen, kan ik nog bezwaar maken?',
      'mijn buurman heeft schulden bij mij, kan de gemeente helpen?'], null));
    // A crisis beside anger at oneself is still the crisis; one's own debts still count.
    await expectReasons(each(['ik ben boos op mezelf en ik wil niet meer leven'], 'distress'));
    await expectReasons(each(['ik heb schulden bij mijn buurman', 'wij hebben schulden bij ons energiebedrijf en de huisbaas, ik weet niet hoe ik het moet betalen'], 'financial_hardship'));
    // Review: anger at oneself does not silence a threat or anger at us; every English threat form matches.
    await expectReasons(each(['ik ben boos op mezelf maar als het niet geregeld wordt steek ik het gemeentehuis in brand', 'ik ben kwaad op mezelf en op jullie, dit is de derde keer dat ik bel!!',
      'I will beat up the clerk', "I'll burn your office down", 'I will burn down your building', 'jullie krijgen klappen'], 'frustration'));
    await expectReasons(each(['mijn kantoor is in de fik gegaan, al mijn papieren zijn verbrand', 'kom naar de open dag, dan zal je wat meemaken'], null));
    // Smashing up the place, found by stop 48's exploration ("Sorry, dat begrijp ik niet goed"; in English
    // the learned model read it as despair and gave 113). Vandals told of are not the writer's threat.
    await expectReasons(each(['als ik mijn geld niet krijg kom ik naar het gemeentehuis en sla ik alles kapot', 'ik sla de boel kapot bij jullie', 'ik weet waar je woont',
      'if i dont get my money i will come and smash the place', 'i will smash everything in your office if this is not fixed'], 'frustration'));
    await expectReasons(each(['ze hebben de ramen kapot gegooid bij het buurthuis, wie moet ik bellen'], null));
    // A crisis beside it is still the crisis.
    await expectReasons(each(['ik kan niet meer, ik sla alles kapot en dan spring ik van de brug'], 'distress'));
  });

  it('reads a no to a question or offer ("toch niet", "dat wil ik niet zeggen") as the whole message as no crisis by itself; with crisis words still one', async () => {
    // The model read a crisis in each (kept back as `quieted`, for the dialog to weigh); since the situation models read
    // word pairs at 1.0 it no longer does in "dat wil ik niet zeggen". Not saying it right after the check-in still
    // counts (src/dialog/concern.ts notSaying; tests/conversation/check-in-answers.test.ts).
    for (const msg of ['toch niet', 'dat wil ik niet zeggen', 'geef ik liever niet']) {
      const p = await parse(msg);
      expect({ msg, reason: p.handoff?.reason ?? null }).toEqual({ msg, reason: null });
    }
    for (const msg of ['toch niet', 'geef ik liever niet']) expect({ msg, quieted: (await parse(msg)).quieted?.map((s) => s.reason) }).toEqual({ msg, quieted: ['distress'] });
    await expectReasons(each(['ik wil het niet meer zeggen, ik wil dood'], 'distress'));
  });

  it('finds a crisis written about someone else (about_others)', async () => {
    // The phrases say "mezelf" / "end my life"; people write for a partner, a child or a neighbour.
    await expectReasons(each(['mijn zoon zegt dat hij zichzelf iets wil aandoen', 'my dad told me he has a plan to end his life', 'she keeps saying she wants to kill herself'], 'distress'));
    // Sorting out a late father's affairs is bereavement, not a crisis of his.
    expect((await parse('my father passed away and I need to sort out his affairs')).handoff?.reason).toBe('bereavement');
  });

  it('finds violence at home and a place where someone stands ready to jump', async () => {
    await expectReasons(each(['ik heb al twee keer op de brug gestaan', 'ik zit nu op het balkon en ik weet het niet'], 'distress'));
    // Violence at home is distress from its own lexicon, so its answer can name Veilig Thuis.
    for (const text of ['mijn man heeft me gisteren weer geslagen', 'he threatened to kill me if I go back']) {
      const h = (await parse(text)).handoff;
      expect({ text, reason: h?.reason, lexicon: h?.lexicon }).toEqual({ text, reason: 'distress', lexicon: 'domestic_violence' });
    }
    // "op de" is still no crisis where it follows "echt|helemaal": "ik ben helemaal op de hoogte".
    expect((await parse('ik ben helemaal op de hoogte, dank u')).handoff).toBeNull();
  });

  it('still finds a threat that follows a negated condition', async () => {
    // The "niet" belongs to the condition, not to the threat after it.
    await expectReasons(each(['als jullie niet betalen doe ik mezelf wat aan', 'if my benefit doesnt come ill kill myself'], 'distress'));
    // A negation right before the words still denies them.
    expect((await parse('ik heb geen zelfmoordgedachten hoor, ik wil alleen weten wanneer het geld komt')).handoff).toBeNull();
  });

  it('tolerates typos in lexicon words', async () => {
    expect((await parse('ik denk aan zelfmord')).handoff?.reason).toBe('distress');
    expect((await parse('mijn vader is overleeden')).handoff?.reason).toBe('bereavement');
  });

  it('trusts a respelled short word in a lexicon phrase, where it trusts a guessed typo only from 7 letters on; reads a wrong first letter from the shorthand table', async () => {
    // "eatin" is "eating" with its g dropped: a respelling, so "stopped eating" matches.
    expect((await parse('stopped eatin since the letter')).handoff).toMatchObject({ reason: 'distress', evidence: 'stopped eatin' });
    // "zyn" is "zijn" with ij typed as y; the evidence now reaches it.
    expect((await parse('ik wil er nie meer zyn')).handoff?.evidence).toBe('ik wil er nie meer zyn');
    // "enymore": a wrong first letter, which the typo search never tries, is read through the shorthand table.
    expect((await parse('cant do this enymore. sory')).handoff).toMatchObject({ reason: 'distress', evidence: 'cant do this enymore' });
    // "me zelf" and "my self" are read as the one word they are.
    expect((await parse('ik snij me zelf weer sins de breif van julie')).handoff).toMatchObject({ reason: 'distress', evidence: 'snij me zelf weer' });
    expect((await parse('i want to hurt my self')).handoff).toMatchObject({ reason: 'distress', evidence: 'hurt my self' });
    expect((await parse('kan ik het zelf regelen of moet u het doen')).handoff).toBeNull();
    // The merged word spans both tokens and keeps the clause mark of the second; "zelf" after a full stop stays apart.
    const terms = analyze('ik snij me zelf. zelf doen', 'nl', null);
    expect(terms.map((t) => [t.norm, t.start, t.end, t.clauseEnd])).toEqual([['ik', 0, 2, false], ['snij', 3, 7, false], ['mezelf', 8, 15, true], ['zelf', 17, 21, false], ['doen', 22, 26, false]]);
    // "kickin" is read as "kicking" even though no example or phrase has that word, so "kicked the door" matches.
    expect((await parse('hes kickin the door in rite now pls')).handoff).toMatchObject({ reason: 'distress', evidence: expect.stringMatching(/^kickin the door/) });
  });

  it('ends a negation\'s reach at "sinds", "nadat", "toen", "since", "after", "when": "I can\'t sleep since my dad died" is a death', async () => {
    await expectReasons(each(['ik kan niet eten sinds mijn moeder dood is', "I haven't slept since my husband died", "I didn't cry when my mum died, is that strange? anyway the allowance"], 'bereavement'));
    // Within one clause a negation still denies: no death here.
    expect((await parse('mijn vader is niet overleden, dat staat verkeerd in jullie brief')).handoffs.map((h) => h.reason)).not.toContain('bereavement');
  });

  it('finds the crisis kinds first missed in apart31/32: an overdose taken, a height looked up, fear of oneself, a seatbelt left off, the tracks', async () => {
    await expectReasons(each([
      'ik heb net de hele strip ingenomen, wat moet ik nu',
      'vannacht gekeken hoe hoog de parkeergarage bij het station is',
      'ik ben bang voor wat ik doe als ik alleen ben vannacht',
      'reed vanmorgen expres zonder gordel over de snelweg',
      'mijn kinderen komen wel goed zonder mij. wanneer komt de toeslag',
      'I swallowed a whole packet of my pills an hour ago',
      "googled how high the bridge over the ring road is. what's your address",
      "I'm scared of what I might do tonight",
      'sitting by the railway tracks again, no idea why',
      'called 113 but they put me on hold',
      'my life insurance would pay more than I ever earned',
    ], 'distress'));
  });

  it('leaves alone what only looks like those: an idiom, a film, an old death, a crashed laptop, a press threat', async () => {
    const cases: Array<[string, string | null]> = [
      ['die regeling is dood en begraven, welke geldt nu?', null],
      ['Our school play has a scene where a character jumps off a bridge, do we need a permit for the theatre?', null],
      ['mijn opa is in 1987 overleden, staat hij nog in jullie systeem?', null],
      ['onze kat is jaren geleden overleden, moet ik hondenbelasting nog opzeggen?', null],
      ['laatste vraag voor vandaag, tot morgen!', null],
      ['mijn laptop is gecrasht en alles is dood, mag ik het formulier per post sturen?', null],
      ["if it isn't paid by monday I'm going to the newspaper", 'frustration'],
      ['I can no longer pay the electricity bill since my hours were cut', 'financial_hardship'],
    ];
    await expectReasons(cases);
  });

  it('hears anger at the assistant itself ("je bent echt nutteloos", "stomme computer"), not a citizen who feels useless or does not understand the bot', async () => {
    await expectReasons([
      ['je bent echt nutteloos', 'frustration'],
      ['wat een nutteloze chatbot', 'frustration'],
      ['stomme computer', 'frustration'],
      ['ik voel me nutteloos sinds ik niet meer werk, wanneer komt de uitkering', null],
      ['je snapt er niks van', null],
      ['ik snap er niks van', 'vulnerability'],
    ]);
  });

  it('hears the Juridisch Loket as a threat, not when its hours or address are asked', async () => {
    await expectReasons([
      ['ik laat het juridisch loket hier naar kijken', 'frustration'],
      ['wanneer is het juridisch loket open', null],
      ['waar is het juridisch loket', null],
    ]);
  });

  it('does not take a country someone comes from for a need of help; words about the language still are', async () => {
    await expectReasons([
      ['Hello, I just moved here from Poland, what do I need to register?', null],
      ['hi i am from eritrea, english little, dutch not yet. what is beschikking in my letter please', 'vulnerability'],
    ]);
  });

  it('does not read a letter, code or card that is no longer there, or a number not remembered, as a crisis, but still the crisis beside it', async () => {
    await expectReasons([
      ...each(['ik heb de brief niet meer', 'ik heb die brief niet meer', 'ik heb mijn pas niet meer', 'ik heb de code niet meer',
        'ik heb geen brief meer', 'mijn moeder heeft de brief niet meer', 'i dont have the letter anymore', 'I no longer have the letter'], null),
      // Said to the question for the case number or birth date.
      ...each(['ik weet mijn zaaknummer niet meer', 'ik weet het nummer niet meer', 'dat weet ik niet meer', 'ik weet het niet meer precies',
        'ik heb geen zin meer om te wachten', 'i dont remember my case number anymore'], null),
      ['ik weet mijn zaaknummer niet meer, ik wil dood', 'distress'],
      ['ik heb de brief niet meer en ik wil niet meer leven', 'distress'],
      ['i dont have the letter anymore and i want to end it all', 'distress'],
      // Not knowing what to do with a form; the phrase alone, or beside a crisis, is still distress.
      ['ik weet niet meer wat ik moet doen met dit formulier', null],
      ['ik weet niet meer wat ik moet doen', 'distress'],
      ['ik weet niet meer wat ik moet doen met de brief, ik wil dood', 'distress'],
      // "ik heb het niet meer" and "ik weet het niet meer" are also despair: left to the model.
      ['ik heb het niet meer', 'distress'],
      ['ik weet het niet meer', 'distress'],
    ]);
  });

  it('hears "dat kan ik nooit betalen" as money trouble, in Dutch and English', async () => {
    await expectReasons([
      ['dat kan ik nooit betalen', 'financial_hardship'],
      ['die terugvordering kan ik nooit betalen', 'financial_hardship'],
      ["I'll never be able to pay that", 'financial_hardship'],
      ['ik heb nooit betaald voor een parkeervergunning', null],
    ]);
  });

  it('reads "en als ik dat niet doe?" after an answer, and "verkeerd nummer", as no crisis and no lean to one, but not a crisis beside them', async () => {
    // ("sorry ik heb me vergist" may be about anything: to a question of fact the dialog reads it, in-context.test.ts.)
    for (const text of ['en als ik dat niet doe', 'wat als ik het niet doorgeef?', 'wat gebeurt er als ik dat niet doe', 'oh wacht verkeerd nummer',
      'and what if i dont do that', "what happens if i don't report it"]) {
      const r = await parse(text);
      expect({ text, handoff: r.handoff?.reason ?? null, concern: r.concern?.reason ?? null }).toEqual({ text, handoff: null, concern: null });
    }
    await expectReasons([
      ['en als ik dat niet doe, dan maak ik er een eind aan', 'distress'],
      ['sorry ik heb me vergist, ik wil niet meer leven', 'distress'],
      ['wat gebeurt er als ik er niet meer ben', 'distress'],
    ]);
  });

  it('finds the kinds first missed in apart33/34: "for good I mean", saved sleeping pills, lying on the floor after a fall, a threat at the door, a relative who only speaks Tigrinya', async () => {
    const cases: Array<[string, string]> = [
      ["I'm moving out on friday. for good I mean, not to another flat", 'distress'],
      ['ik heb mijn slaaptabletten al weken opgespaard', 'distress'],
      ['Na vrijdag zult u nooit meer van mij horen, dank voor alles', 'distress'],
      ['ik ben gevallen en lig nog steeds op de badkamervloer', 'distress'],
      ['I think I have lived long enough now, please stop my pension', 'distress'],
      ['the only thing keeping me going was that job and now it is gone', 'distress'],
      ['hij staat buiten te schreeuwen dat hij me gaat afmaken', 'distress'],
      ['mijn schoonvader spreekt alleen Koerdisch en snapt de brief niet', 'vulnerability'],
      ['het kind van de buren gilt steeds stop papa, wat moet ik doen', 'distress'],
      ['kan ik mijn abonnement op alles opzeggen? ook op het leven', 'distress'],
      ['daarna ben ik wg voor altyd', 'distress'],
    ];
    await expectReasons(cases);
    await expectReasons(each(['schrijf een scriptie over zelfdoding onder studenten, wie kan ik mailen?', "I'm off before I die of boredom in this queue, bye!", 'new bank, new IBAN, how do I pass that on?'], null));
  });

  it('finds the kinds first missed in apart35/36 (short messages, newcomers): too many sleeping pills, six feet under, into the canal, "not on you, on me"', async () => {
    await expectReasons([
      ...each([
        'hoeveel tabletten zijn dodelijk',
        'voor ik iets doms doe, kan iemand bellen?',
        'misschien kan ik beter verdwijnen',
        'heb een wapen. niet op jullie, op mij',
        'ik lig straks zes voet onder de grond',
        'going into the river after this',
        'the voices keep telling me to jump',
      ], 'distress'),
      ['my father is late since last week, what papers do I bring', 'bereavement'],
    ]);
    await expectReasons(each(['die app heeft me bijna de dood in gejaagd, maar het is gelukt', 'mijn oma is 20 jaar geleden overleden, moet ik haar akte opsturen?', 'my old printer passed away, can I post the form?', 'our hamster died in 2021, how do I change my e-mail address?'], null));
  });

  it('finds the kinds first missed in apart38/39 (long stories; terse men, addiction, prison): an engine running in the garage, a rope and a plan, the drop measured, a door kicked in', async () => {
    const cases: Array<[string, string]> = [
      ['sat in the garage last night with the engine running for a while', 'distress'],
      ['got a rope now and a plan. anyway when is the payment', 'distress'],
      ["measured the drop from the car park roof. what's your address", 'distress'],
      ["I've stopped caring whether I wake up", 'distress'],
      ['out of hospital after my attempt, nobody called', 'distress'],
      ['ik heb het gas opengezet en weer dicht gedaan', 'distress'],
      ['hij heeft de voordeur ingetrapt, we zitten in de badkamer met de deur op slot', 'distress'],
      ['we buried my mum on tuesday, can the appointment move?', 'bereavement'],
      ['every time I ring I get a different story. when the hell do I get paid', 'frustration'],
      ['I was on hold for an hour and then got cut off, which number do I call?', 'frustration'],
      ['our electricity was cut off this morning, I have two small kids', 'financial_hardship'],
    ];
    await expectReasons(cases);
    await expectReasons(each(['ik heb in mijn duim gesneden, typ langzaam. nieuw nummer graag', 'morgen spring ik even binnen voor mijn paspoort', 'I nearly killed myself laughing at the new council video'], null));
  });

  it('finds the kinds first missed in apart40–44 (the old, the young, newcomers, voice, the self-employed): an edge, a height that tempts, a burn, pills kept, "where I am going", unreachable and worn out', async () => {
    const cases: Array<[string, string]> = [
      ['ik zat gisteravond weer op de rand van het balkon, wanneer komt mijn toeslag', 'distress'],
      ['kzit op de brug. wat is jullie nummer', 'distress'],
      ['I stood on the edge of the car park for an hour last night', 'distress'],
      ['the railway bridge near my flat keeps looking tempting', 'distress'],
      ['ik heb een mes op mijn pols gehouden vannacht', 'distress'],
      ['I burn my arm with a lighter when it gets too much', 'distress'],
      ['I stopped my pills weeks ago but kept them all in a drawer', 'distress'],
      ['my laptop goes to my cousin. where i am going i wont need it', 'distress'],
      ['after friday i shant be reachable. im worn out. thanks', 'distress'],
      ['vanaf zondag ben ik niet meer bereikbaar. op is op', 'distress'],
      ['done with waking up every day to this', 'distress'],
      ['I found my own solution, you can close my file forever', 'distress'],
      ['I think my time is up. please pass on my thanks to the lady at the desk', 'distress'],
      ['ik wil mijn kinderen niet tot last zijn, ik heb besloten', 'distress'],
      ['I stopped taking my tablets and wrote goodbye letters last night', 'distress'],
      ['deze keer is de laatste keer dat ik schrijf, de buurjongen mag mijn laptop', 'distress'],
      ['I want to owe nobody anything when I am gone, when is my last payment', 'distress'],
      ['my mum was killed in a crash last year, what papers do I need', 'bereavement'],
    ];
    await expectReasons(cases);
    await expectReasons(each(['this heat is killing me in the office, when are you open', 'does he tell you the new address or do I', 'vanaf maandag ben ik niet meer bereikbaar, ik ben op vakantie', 'broke my arm skating, can someone else sign the form?', 'this form is a suicide mission, what do I fill in at 4b', 'overdosed on coffee to get through this form lol'], null));
  });

  it('finds the kinds first missed in apart45–47 (grief, illness and pain, money): pills counted, medicines stopped on purpose, going to be with the dead, a life insurance as the way out, plans that are final', async () => {
    const cases: Array<[string, string]> = [
      ['ik heb mijn slaappillen geteld, dat moet lukken', 'distress'],
      ['counted my painkillers last night. should be plenty', 'distress'],
      ['ik neem mijn medicijnen al een maand expres niet in', 'distress'],
      ['stopped my tablets on purpose two weeks ago, what time are you open', 'distress'],
      ['sinds mijn vrouw overleden is wil ik het liefst naar haar toe', 'distress'],
      ['since mum died I am only waiting for my turn', 'distress'],
      ['mijn levensverzekering dekt de schulden precies. dat is de oplossing', 'distress'],
      ['the gas is cut off on friday. dont care, I have other plans, permanent ones', 'distress'],
      ['is it normal to feel so calm once you have decided? anyway, my parking permit', 'distress'],
      ['i walked to the river last night and came back. this time', 'distress'],
      ['what happens to my housing benefit when the tenant dies? thats me', 'distress'],
      ['I can\'t face another day like this, just tell me the number', 'distress'],
      ['my mum died last year and I live alone now, can I apply for housing benefit myself?', 'bereavement'],
    ];
    await expectReasons(cases);
    await expectReasons(each(['I scared myself to death thinking the deadline had passed', 'I counted the forms twice, they should all be there', 'the pharmacy counted out my pills for the week, is that covered?', 'I counted my payslips, three should be enough for the form'], null));
  });

  it('finds the kinds first missed in apart51 (eight words or fewer): "dit was het dan", "said my goodbyes", "this is goodbye", soon with the dead, the pet to the neighbours', async () => {
    await expectReasons(each(['nou, dit was het dan', 'mijn hond is dood en nu wil ik ook dood', 'ben klaar met het leven', 'heb mijn goodbyes said. i mean: said my goodbyes', 'this is goodbye. thanks', 'soon with my dad again, up there', 'mijn hond mag naar de buren. doei', 'ben op. niks meer over', 'wont need mine anymore, send it to my brother', 'the world wont miss me'], 'distress'));
    await expectReasons(each(['ik stop ermee, met roken dan', 'ik stop ermee, met mijn bedrijf. moet ik dat doorgeven?', 'mijn hond is dood en nu wil ik de hondenbelasting stoppen', "this is goodbye to the gemeente, I'm moving to Ghent! how do I deregister", 'tot nooit meer, die wachtrij 😂 bedankt'], null));
  });

  it('finds the kinds first missed in apart48–50 (unsafe at home, parents, no home): pushed against the wall, he reads my phone, too scared to go home, the cold that might sort it out, a bridge measured, a final solution', async () => {
    const cases: Array<[string, string]> = [
      ['gisteren duwde hij me tegen de muur, kan mijn toeslag naar een eigen rekening', 'distress'],
      ['he checks my phone so please dont text back, what time are you open', 'distress'],
      ['I am in the car outside, too scared to go home', 'distress'],
      ['er is toch een achterdeur? hij wacht buiten op me', 'distress'],
      ['typing this in the bathroom, he is in the next room', 'distress'],
      ['ik hoop dat de kou het vannacht voor me regelt', 'distress'],
      ['how high is the bridge over the canal, roughly', 'distress'],
      ['de opvang mag mijn bed weggeven, ik heb een oplossing gevonden, een definitieve', 'distress'],
      ['ik snap niet waarom ik nog leef, wanneer hoor ik over de omgang', 'distress'],
      ["I won't be around to see the decision, but my kids should get the money", 'distress'],
    ];
    await expectReasons(cases);
    await expectReasons(each(['ik zoek een oplossing voor mijn parkeerprobleem, een definitieve graag', 'my ex still reads my old emails, how do I change my e-mail address?'], null));
    // No crisis; the intent model reads "back" as in "call me back" (human), which is a request for
    // a person and not a false crisis alarm.
    const backDoor = 'is there a back door for deliveries? my colleague waits outside with the van';
    expect({ text: backDoor, distress: (await parse(backDoor)).handoffs.some((h) => h.reason === 'distress') }).toEqual({ text: backDoor, distress: false });
  });

  it('finds a wish to be dead in every tense, and a place to jump from that tempts (tenth session)', async () => {
    await expectReasons(each(['ik wens soms echt dat ik dood ben', 'eerlijk gezegd zou ik willen dat ik dood was', 'het spoor achter ons huis lonkt de laatste tijd', 'that river is looking more tempting every day'], 'distress'));
    await expectReasons(each(['ik wens u een fijne dag', 'the rooftop bar is tempting on a sunny day, do i need a permit for a party there'], null));
  });

  it('does not raise a crisis that the message puts in the past and says is over (in_the_past + well_now), but does when a crisis stands in another sentence', async () => {
    await expectReasons(each([
      'twee jaar geleden had ik zelfmoordgedachten, maar het gaat nu echt goed met me. nieuw nummer graag',
      'a few years back I was suicidal, but that is all behind me now. how do I stop my benefit?',
      'my uncle tried to take his own life years ago, he is doing great now. which documents does he need?',
      'ik ben jaren geleden gevlucht voor huiselijk geweld, nu woon ik al jaren veilig. mag mijn adres afgeschermd blijven?',
      'back in 2019 I had suicidal thoughts, I am doing really well now. new phone number please',
      'mijn tante heeft in de jaren tachtig geprobeerd er een eind aan te maken, het gaat hartstikke goed met haar. welke papieren heeft ze nodig?',
    ], null));
    await expectReasons(each([
      'years ago I tried to end my life and I am doing better now. But tonight I want to die again',
      'vroeger had ik zelfmoordgedachten, het gaat nu goed. alleen vannacht wil ik dood',
      'I used to self harm and I was fine for years, now it is back',
    ], 'distress'));
  });

  it('finds the kinds first missed in apart52/53 (told by someone else; every kind of writer): a note on the door, insulin stopped, "the last form I will ever fill in", the river or him', async () => {
    await expectReasons(each([
      'my aunt put a note on her door: dont come in call the police. nobody answers',
      'mijn opa zegt dat dit het laatste formulier is dat hij invult, hij spuit zijn insuline niet meer',
      'she texted forgive me i couldnt anymore and now her phone is off',
      'ik ga terug naar hem of de rivier in, wanneer hoor ik over de urgentie',
      'he said he would step in front of the train if they take his allowance',
    ], 'distress'));
    await expectReasons(each(['ik heb de sprong in het diepe gewaagd en ben voor mezelf begonnen, welk rekeningnummer geef ik door?', 'jumped off the deep end and opened a bakery! new bank details below', 'vorig jaar zat mijn buurman diep, nu is hij helemaal opgeknapt. mag ik zijn volkstuin overnemen?'], null));
  });

  it('reads a compliment for a staff member as thanks, not as a complaint', async () => {
    for (const text of ['wilde even zeggen dat uw collega van gisteren echt geweldig was', 'the lady at the desk yesterday was brilliant, please tell her']) {
      const r = await parse(text);
      expect({ text, intent: r.intent.name, reason: r.handoff?.reason ?? null }).toEqual({ text, intent: 'thanks', reason: null });
    }
  });

  it('raises a `together` situation only when every part of a group is in the message, not negated, not excepted', () => {
    const detector = distressLexicon({
      nl: { phrases: ['ik wil dood'], except: ['begrafenis van mijn buurman'], together: [[['begrafenis|uitvaart'], ['het gaat om mij', 'voor mezelf']]] },
      en: { phrases: ['want to die'], together: [[['funeral'], ['for me']]] },
    });
    expect(evidence(detector, 'wie betaalt de begrafenis? het gaat om mij', 'nl')).toEqual(['begrafenis … het gaat om mij']);
    expect(evidence(detector, 'het gaat om mij: wie betaalt de uitvaart', 'nl')).toEqual(['het gaat om mij … uitvaart']);
    expect(evidence(detector, 'wie betaalt de begrafenis van mijn moeder?', 'nl')).toEqual([]);
    expect(evidence(detector, 'het gaat om mij, niet om de rest', 'nl')).toEqual([]);
    expect(evidence(detector, 'het gaat niet om mij maar om de begrafenis van mijn moeder', 'nl')).toEqual([]);
    expect(evidence(detector, 'de begrafenis van mijn buurman, het gaat om mij', 'nl')).toEqual([]);
    expect(evidence(detector, 'is there help with a funeral? for me', 'en')).toEqual(['funeral … for me']);
  });

  it('finds a question about one\'s own funeral or death asked as paperwork, but not a bereaved family\'s or a healthy planner\'s', async () => {
    await expectReasons(each([
      'wie betaalt de crematie als er niks is? het gaat om mezelf',
      'wat gebeurt er met mijn toeslag als ik overlijd? wil het deze week geregeld hebben',
      'is a public funeral free? asking for myself',
      'who pays for my cremation, it should be soon',
    ], 'distress'));
    // Nor someone whose parent is dying: "die … soon … for me" counts only as "when someone dies", not "my dad will die".
    for (const text of ['mijn vader is overleden, wie betaalt de begrafenis?', 'I am 70 and healthy, I want to write down my funeral wishes. Is there a form?', 'my dad will die soon, the hospice says. this is hard for me']) {
      expect({ text, reason: (await parse(text)).handoff?.reason ?? null }).not.toEqual({ text, reason: 'distress' });
    }
  });

  it('finds rent arrears, a household cut off, papers the office lost and "told you twice", but not their look-alikes', async () => {
    await expectReasons([
      ...each(['de huur staat inmiddels drie maanden achter, kan ik uitstel krijgen', 'wij zijn afgesloten van gas en licht, wat nu'], 'financial_hardship'),
      ...each(['my rent is two months behind, who can help'], 'financial_hardship'),
      ...each(['jullie zijn mijn formulieren alweer kwijtgeraakt, hoe kan dat', 'ik wil dat uw leidinggevende hiervan weet', 'the desk lost my papers and nobody takes responsibility'], 'complaint'),
      ...each(['I told you twice that my address changed and the letters still go to the old one'], 'frustration'),
      ...each(['de weg naar het stadhuis is afgesloten, hoe kom ik er', 'wij zijn afgesloten van de buitenwereld door de sneeuw, is het loket open', 'ik ben mijn paspoort kwijtgeraakt, wat moet ik doen'], null),
    ]);
  });

  it('hears a caseworker who did not come to an appointment as a complaint, but not a payment that never turned up', async () => {
    await expectReasons([
      ...each(['de consulent is vanochtend niet komen opdagen, ik heb voor niks vrij genomen', 'the social worker never turned up for our appointment on monday'], 'complaint'),
      ...each(['wat gebeurt er als ik niet op mijn afspraak kan komen?', 'my allowance never showed up this month, when will it come'], null),
    ]);
  });

  it('takes dark humour the writer says is meant seriously, but not a joke put aside for a real question', async () => {
    await expectReasons([
      ...each([
        'haha mijn dossier mag in het archief, ik ben er volgende week klaar mee. ik meen het echt',
        'goed nieuws voor jullie wachtlijst, eentje minder straks 😅 niet als grap bedoeld',
        "lol one less benefit to pay soon, you're welcome. i'm serious",
      ], 'distress'),
      ...each([
        'grapje! maar serieus, wanneer zijn jullie open',
        'no joke, the queue at the town hall was two hours today',
        'not kidding, your website has been down all week, when is it fixed',
        'geen grap: mijn paspoort is in de wasmachine beland, hoe vraag ik een nieuwe aan',
      ], null),
    ]);
    // "I mean it" with anger is frustration, not a crisis.
    await expectReasons(each(['ik meen het, als dit niet opgelost wordt ga ik naar de ombudsman', 'i mean it, this is the third time i ask about my passport'], 'frustration'));
  });

  it('reads "she doesn\'t live here any more" as a move, not as a life', async () => {
    await expectReasons(each(['mijn ex woont hier niet meer, hoe geef ik dat door', 'my lodger does not live here anymore, how do I tell you'], null));
    await expectReasons(each(['hij woont hier niet meer en ik wil niet meer leven', 'she doesnt live here any more and i dont want to live anymore'], 'distress'));
  });

  it('reads "unreachable, on holiday" as a holiday, while "not here from monday" still counts', async () => {
    await expectReasons(each(['vanaf maandag ben ik niet meer bereikbaar, we zijn op vakantie', 'from monday im not reachable any more, im on holiday'], null));
    await expectReasons(each(['vanaf maandag ben ik er niet meer'], 'distress'));
  });

  it('reads a goodbye until later and proof-of-life paperwork as no crisis, and still hears a farewell for good', async () => {
    await expectReasons(each(['Dat was het voor vandaag, dank u wel!', 'ok thats all for today. talk tomorrow', 'my pension fund in Spain wants a life certificate again, can you stamp it?', 'hoe krijg ik een attestatie de vita voor mijn pensioen uit België'], null));
    await expectReasons(each(['dat was het voor vandaag. en voor altijd eigenlijk, ik wil niet meer leven', 'bye for now. no, bye for good. the pills are ready'], 'distress'));
  });

  it('reads a short "and if it does not come?" or "I don\'t know" as no crisis, and still hears despair after "als het niet"', async () => {
    await expectReasons(each(['als het niet op tijd binnenkomt, wat dan', 'no i dont know', 'not sure', 'i dont have it', 'weet ik niet hoor'], null));
    await expectReasons(each(['als het geld niet komt dan wil ik niet meer leven', 'if the money does not come i will end it'], 'distress'));
  });

  it('reads how to pay ("niet meer betalen met mijn oude pas") as no money trouble, and still hears "niet meer betalen met mijn uitkering"', async () => {
    await expectReasons(each(['ik kan niet meer betalen met mijn oude pas aan de balie, kan dat met creditcard?', 'kan niet meer betalen met mijn pinpas, wat nu?'], null));
    await expectReasons(each(['ik kan niet meer betalen met mijn uitkering', 'ik kan de huur niet meer betalen'], 'financial_hardship'));
  });

  it('reads calling off the wait or the call, and "I am not in need", as no crisis, and still hears one said beside it', async () => {
    await expectReasons(each(['ik hoef niet meer te wachten, het is al opgelost', 'ik heb me bedacht, ik hoef niet meer gebeld te worden', 'ik wil niet meer gebeld worden', 'sorry ik ben niet in nood', "I don't want to be called anymore", "I don't need to wait anymore, it's sorted"], null));
    await expectReasons(each(['ik hoef niet meer te wachten, ik maak er vanavond een eind aan', 'ik ben niet in nood maar ik wil dood', "I don't need to wait anymore, I will end it tonight"], 'distress'));
    // As the whole message in the queue (a helper got the crisis line for each); beside a crisis still one.
    await expectReasons(each(["I don't need to wait anymore", 'I dont want to wait anymore', "never mind, I'll just wait", 'i dont need it anymore, found my old one', 'laat maar ik hoef geen hulp meer'], null));
    await expectReasons(each(['laat maar ik hoef geen hulp meer, ik maak er vanavond een eind aan', "I dont want to wait anymore, I will end it tonight", "I'll jump off the bridge tonight"], 'distress'));
  });

  it('finds a call or a face-to-face appointment asked for, and "not my first language"', async () => {
    await expectReasons([
      ...each(['Kan ik vrijdagochtend gebeld worden door mijn consulent?', 'Ik wil graag een afspraak aan de balie over mijn uitkering', 'can I see someone face to face about my benefit'], 'explicit_request'),
      ...each(['Nederlands is niet mijn eerste taal, wat betekent deze brief?', "sorry, english isn't my first language. what papers do i need"], 'vulnerability'),
    ]);
  });

  it('keeps the learned distress model quiet for the model_not_when phrases, in each of their written forms', async () => {
    // On the phrases alone (no model): a phrase whose alternatives were written as two words ("i am|we are") never matches.
    const quiet = async (text: string, lang: Lang) => (await detectWithRealLexicons(text, lang)).quiet.has('distress');
    const cases: Array<[string, Lang]> = [
      ['vanaf maandag niet bereikbaar, ik ben op vakantie', 'nl'], ['wij zitten op vakantie in Spanje', 'nl'],
      ['mijn zoon woont hier niet meer', 'nl'], ['dat was het voor vandaag', 'nl'],
      ['i am on holiday next week', 'en'], ["i'm on vacation until monday", 'en'], ['we are on holiday', 'en'], ["we're on holiday in Wales", 'en'],
      ["she doesn't live here anymore", 'en'], ['he does not live here any more', 'en'],
      ["that's all for today", 'en'], ['call it a night', 'en'], ['bye for now', 'en'],
      ['see you tomorrow', 'en'], ['talk to you later', 'en'], ['speak tomorrow then', 'en'],
      ['my pension fund wants a life certificate', 'en'],
    ];
    for (const [text, lang] of cases) expect({ text, quiet: await quiet(text, lang) }).toEqual({ text, quiet: true });
  });

  it('hears every written form of the model_sure_when phrases, and not the joke put aside', async () => {
    const sure = async (text: string, lang: Lang) => (await detectWithRealLexicons(text, lang)).sure.has('distress');
    const cases: Array<[string, Lang]> = [
      ['dit is geen grap', 'nl'], ['echt geen grapje', 'nl'], ['geen geintje', 'nl'], ['het is niet als grap bedoeld', 'nl'],
      ['ik meen het', 'nl'], ['meen het echt', 'nl'], ['meen het wel', 'nl'], ['meen het trouwens', 'nl'],
      ['not joking', 'en'], ["i'm not really joking", 'en'], ['no joke', 'en'], ['this is not a joke', 'en'], ["it isn't a joke", 'en'], ['isnt a joke', 'en'],
      ['i mean it', 'en'], ['i really mean it', 'en'], ['not kidding', 'en'], ["i'm serious", 'en'], ['im serious', 'en'], ['i am serious', 'en'],
    ];
    for (const [text, lang] of cases) expect({ text, sure: await sure(text, lang) }).toEqual({ text, sure: true });
    for (const [text, lang] of [['grapje, maar serieus', 'nl'], ['ik meen dat ik al betaald heb', 'nl'], ['jk. seriously though', 'en']] as Array<[string, Lang]>) {
      expect({ text, sure: await sure(text, lang) }).toEqual({ text, sure: false });
    }
  });

  it('finds a place that calls, in each written form of the together group', async () => {
    await expectReasons(each(['the river keeps calling me. anyway when is my payment', 'the bridge is calling my name. when is the payment'], 'distress'));
  });

  it('reads "ik heb geen geld" as hardship, not as a payment that has not come', async () => {
    await expectReasons([
      ...each(['ik heb geen geld', 'ik moet een boete betalen maar ik heb geen geld', 'we hebben echt geen geld', 'ik heb het geld niet', 'i have no money', "i don't have the money for the fine"], 'financial_hardship'),
      ...each(['ik heb nog geen geld gekregen', 'heb ik geen geld gekregen deze maand?', 'ik heb het geld niet ontvangen', 'ik heb het geld nog niet terug van de leges', 'i have no money received yet'], null),
    ]);
  });

  it('hears that someone else does not understand ("ze snapt het niet"), but not the assistant not understanding', async () => {
    await expectReasons([
      ...each(['hoi, mijn moeder (83) heeft een brief gekregen over haar aanvraag maar ze snapt het niet', 'mijn vader begrijpt er niks van', 'hij snapt niet wat hij moet doen'], 'vulnerability'),
      ...each(['mag ik iemand spreken over mn aanvraag, deze bot snapt er niks van'], 'explicit_request'),
    ]);
  });

  it('takes a word of our own answers as that word, not as a typo of a situation word ("schade" is not "schande", "verhalen" not "vertalen")', async () => {
    for (const text of ['ik heb schade aan mijn auto door een gat in de weg, hoe dien ik een claim in?', 'mijn fiets is kapot door een losliggende stoeptegel, kan ik de schade verhalen?']) {
      expect({ text, handoff: (await parse(text)).handoff }).toEqual({ text, handoff: null });
    }
    // The situation word itself still counts.
    expect((await parse('wat een schande is dit, al drie keer gebeld')).handoff?.reason).toBe('frustration');
  });

  it('allows small gaps between the words of a phrase', async () => {
    const r = await parse('ik kan de huur deze maand echt niet betalen');
    expect(r.handoff?.reason).toBe('financial_hardship');
  });
});
