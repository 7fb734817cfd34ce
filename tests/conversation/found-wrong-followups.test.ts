/**
 * Follow-ups found wrong by hand ("found, not fixed" of the round before), through a real Loket with the real
 * recognizer. Each block's note says what the citizen got before.
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { DORMER, PARKING, saidAfter, saidAlready, say } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

const after = (before: string[], asked: string) => saidAfter(loket, before, asked);
const BENEFIT = ['wat is de status van Z-2026-000456', '5678 CD 01-07-1992']; // social assistance, granted, first payment 1 December 2026
const CRISIS = /^Wat naar dat het zo zwaar is\..*113.*112/;

/**
 * "kan ik nog op vakantie?" right after the plain answer on applying for a passport got the answer on an expired
 * passport ("Een verlopen paspoort is niet meer geldig"), though nobody said it had expired.
 */
describe('"kan ik nog op vakantie?" right after the plain passport answer', () => {
  it('travel on the old one while it is valid, urgent when soon; no expiry presumed', async () => {
    for (const [before, asked] of [['hoe vraag ik een paspoort aan', 'kan ik nog op vakantie?'], ['ik wil mijn paspoort verlengen', 'kan ik nog reizen'], ['paspoort aanvragen', 'mag ik nog op reis']] as const) {
      const said = await after([before], asked);
      expect({ before, asked, said }).toEqual({ before, asked, said: expect.stringMatching(/^Is uw paspoort of ID-kaart nog geldig\? Dan kunt u ermee reizen.*spoed/) });
      expect(said).not.toMatch(/^Zonder geldig paspoort/);
    }
    expect(await after(['how do I apply for a passport'], 'can I still go on holiday?')).toMatch(/^Is your passport or ID card still valid\? Then you can travel with it/);
  });

  it('keeps the expired passport\'s own answer when it was said to have expired or be lost', async () => {
    expect(await after(['mijn paspoort is verlopen'], 'kan ik nog op vakantie?')).toMatch(/^Zonder geldig paspoort of geldige ID-kaart/);
    expect(await after(['ik ben mijn paspoort kwijt'], 'kan ik nog op vakantie')).toMatch(/^Zonder geldig paspoort of geldige ID-kaart/);
    expect(await after(['my passport was stolen'], 'can i still travel')).toMatch(/^Without a valid passport or ID card you cannot travel abroad/);
  });

  // The fact is a `presumes` of the variant in dialogs/ (presumes.ts), no longer ids named in code: it holds
  // after any answer, and it is the message that says it, not which answer came before.
  it('after how long a passport is valid too; and "zonder paspoort" says it, so that gets the expired answer', async () => {
    expect(await after(['hoe lang is een paspoort geldig'], 'kan ik ermee op vakantie')).toMatch(/^Is uw paspoort of ID-kaart nog geldig\? Dan kunt u ermee reizen/);
    expect(await after(['hoe vraag ik een paspoort aan'], 'kan ik zonder paspoort op vakantie')).toMatch(/^Zonder geldig paspoort of geldige ID-kaart/);
    expect(await after(['mijn paspoort is verlopen, kan ik nog op vakantie', 'hoe lang duurt dat'], 'kan ik nog op reis')).toMatch(/^Zonder geldig paspoort of geldige ID-kaart/);
  });
});

/** "wie is mijn contactpersoon?" right after a case's status got "Dat kan ik niet beantwoorden" (or a person at once). */
describe('who handles my case, right after its status', () => {
  it('says a caseworker of the municipality handles it, that the assistant cannot see who, and how to reach a person', async () => {
    for (const asked of ['wie is mijn contactpersoon?', 'wie is mn contact persoon', 'wie is mijn behandelaar', 'wie behandelt mijn aanvraag?']) {
      const said = await after([DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Uw aanvraag wordt behandeld door een medewerker van de gemeente\. Wie dat is, kan ik niet zien\..*medewerker.*14 0123.*Z-2026-000123/) });
    }
    for (const asked of ['who is handling my case?', 'who is my contact person', 'whos my case worker']) {
      const said = await after([DORMER], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^A staff member of the municipality is handling your application\. I cannot see who that is\..*staff member.*14 0123/) });
    }
  });

  it('hands no one over for the question alone, and still does for a request for a person', async () => {
    const id = await saidAlready(loket, DORMER);
    expect((await say(loket, id, 'wie is mijn contactpersoon?')).join(' ')).not.toMatch(/Ik zorg dat een medewerker u helpt/);
    expect((await say(loket, id, 'ik wil een medewerker spreken')).join(' ')).toMatch(/medewerker/);
    expect(await after([DORMER], 'wie is mijn contactpersoon, ik wil er niet meer zijn')).toMatch(CRISIS);
  });
});

/** "kan ik mijn id kaart gebruiken?" right after the answer on an expired passport got the apply answer again and a person offered. */
describe('using the ID card instead, right after the passport answer', () => {
  it('says where a valid ID card does (EU and Schengen, identification) and where not', async () => {
    for (const asked of ['kan ik mijn id kaart gebruiken?', 'kan ik mijn idkaart gebruiken', 'kan ik ook met mijn id-kaart reizen?', 'en met mijn id kaart?']) {
      const said = await after(['mijn paspoort is verlopen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Met een geldige ID-kaart kunt u reizen in de landen van de Europese Unie en de Schengenlanden\..*legitimeren/) });
      expect(said).not.toMatch(/Zal ik een medewerker vragen/);
    }
    expect(await after(['my passport has expired'], 'can i use my id card instead?')).toMatch(/^With a valid ID card you can travel in the countries of the European Union and the Schengen area\./);
    // Voting with it is the voting answer (an ID document may have expired up to 5 years), not the apply answer again.
    expect(await after(['mijn paspoort is verlopen'], 'kan ik met mijn id kaart stemmen')).toMatch(/^Ja, dat kan meestal\. Om te stemmen/);
  });
});

/**
 * "geldt ie ook voor de motor" right after the parking permit's status got "Dat kan ik niet beantwoorden" and "gaat
 * het goed met u?". The permit goes with one licence plate; another vehicle is a question for the parking page.
 */
describe('"geldt ie ook voor de motor" right after the parking permit\'s status', () => {
  it('says the permit goes with the licence plate on it, and where to see about a motorbike; no check-in', async () => {
    for (const asked of ['geldt ie ook voor de motor', 'geldt die ook voor mn scooter', 'geldt hij ook voor mijn motor?', 'geldt ie ook voor de auto', 'en voor mijn motor?']) {
      const said = await after([PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Uw parkeervergunning hoort bij één kenteken: het kenteken dat op uw vergunning staat\..*motor.*www\.voorbeeld\.nl\/parkeren/) });
      expect(said).not.toMatch(/gaat het goed met u|113|Dat kan ik niet beantwoorden/);
    }
    expect(await after([PARKING], 'does it also apply to my motorbike?')).toMatch(/^Your parking permit goes with one licence plate: the plate on your permit\./);
  });

  it('keeps the crisis reply for a crisis in the same spot', async () => {
    for (const asked of ['geldt ie ook voor de motor, ik wil er niet meer zijn', 'geldt ie ook voor de auto, ik wil er niet meer zijn']) {
      expect({ asked, said: await after([PARKING], asked) }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
    }
  });
});

/** "geldt ie ook voor de auto" as the first message got the crisis reply (113, a person at once). */
describe('"geldt ie ook voor de auto" with nothing asked before it', () => {
  it('asks what it is about; no crisis, no check-in', async () => {
    for (const asked of ['geldt ie ook voor de auto', 'geldt hij ook voor mijn auto?', 'geldt ie ook voor de motor', 'geld ie ook voor de auto', 'geldt die ook voor mn motor']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Ik weet nog niet waar uw vraag over gaat\. Wat moet ook gelden voor (de|uw) (auto|motor)\?/) });
      expect(said).not.toMatch(/zo zwaar|113|gaat het goed met u/);
    }
    expect(await after([], 'does it also apply to my car')).toMatch(/^I do not know yet what your question is about\. What should also apply to your car\?/);
  });

  it('keeps the crisis reply for a crisis in the same form', async () => {
    for (const asked of ['geldt ie ook voor de auto, ik wil er niet meer zijn', 'geldt het ook voor het touw', 'geldt die ook voor mijn kinderen als ik er niet meer ben']) {
      expect({ asked, said: await after([], asked) }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
    }
  });
});

/**
 * "geldt hij voor elke auto" (no "ook"), right after the parking permit's status or as the first message, got the
 * crisis reply: the crisis model read "elke auto" alone as a lean to a crisis ("voor een auto" is how some write
 * about ending it), so the thing asked about did not clear the question. Counter-examples about which cars a
 * permit covers (dialogs/lexicons/distress.yaml) clear it; the same form with one's end in it still hands over.
 */
describe('"geldt hij voor elke auto"', () => {
  it('after the parking permit\'s status: the permit holds for its own licence plate; no crisis, no check-in', async () => {
    for (const asked of ['geldt hij voor elke auto', 'geldt hij voor alle autos', 'geldt die voor elke auto?']) {
      const said = await after([PARKING], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Uw parkeervergunning hoort bij één kenteken: /) });
      expect(said).not.toMatch(/zo zwaar|113|gaat het goed met u/);
    }
  });

  it('as the first message: asks what it is about; no crisis', async () => {
    const said = await after([], 'geldt hij voor elke auto');
    expect(said).toMatch(/^Ik weet nog niet waar uw vraag over gaat\. Wat moet ook gelden voor elke auto\?/);
    expect(said).not.toMatch(/zo zwaar|113|gaat het goed met u/);
  });

  it('keeps the crisis reply when one\'s end is in the same form', async () => {
    for (const asked of ['geldt hij voor elke auto, ik wil er niet meer zijn', 'geldt hij ook voor mijn testament']) {
      expect({ asked, said: await after([PARKING], asked) }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
    }
  });
});

/**
 * "kan ik mijn parkeerboete online betalen" got "Ja. Maakt u bezwaar …?" (whether to pay while objecting), and "hoe
 * betaal ik een parkeerboete" how to object: nothing said how to pay the municipality's parking fine.
 */
describe('paying a parking fine', () => {
  const PAY_NL = /^Een parkeerboete van de gemeente \(een naheffingsaanslag\) betaalt u naar het rekeningnummer op de aanslag\. Zet het betalingskenmerk erbij\. Online betalen kan ook, in Mijn Voorbeeld.*bezwaar.*CJIB/;
  const PAY_EN = /^You pay a parking fine from the municipality \(a naheffingsaanslag\) to the account number on the assessment\..*online, in Mijn Voorbeeld.*CJIB/;

  it('says how and where to pay it, that objecting does not stop the payment, and the CJIB for a police ticket', async () => {
    for (const asked of ['kan ik mijn parkeerboete online betalen', 'hoe betaal ik een parkeerboete', 'waar kan ik de naheffingsaanslag betalen', 'hoe kan ik mn parkeerbon betalen']) {
      expect({ asked, said: await after([], asked) }).toEqual({ asked, said: expect.stringMatching(PAY_NL) });
    }
    for (const asked of ['can I pay my parking fine online', 'how do i pay a parking ticket', 'where can i pay the parking fine']) {
      expect({ asked, said: await after([], asked) }).toEqual({ asked, said: expect.stringMatching(PAY_EN) });
    }
  });

  it('keeps objecting for a fine the citizen disputes, and whether to pay meanwhile', async () => {
    expect(await after([], 'ik heb een parkeerboete gekregen maar ik had een vergunning')).toMatch(/^Heeft u een parkeerboete van de gemeente gekregen \(een naheffingsaanslag\) en bent u het er niet mee eens\? Maak dan bezwaar binnen 6 weken/);
    const meanwhile = await after(['ik wil bezwaar maken tegen mijn parkeerboete'], 'moet ik eerst betalen?');
    expect(meanwhile).toMatch(/^Ja\. Maakt u bezwaar tegen een parkeerboete .*Bezwaar maken geeft geen uitstel van betaling\..*U betaalt naar het rekeningnummer op de aanslag, met het betalingskenmerk, of online in Mijn Voorbeeld/);
    expect(await after(['ik heb een parkeerboete gekregen'], 'how do i pay it')).toMatch(/You pay to the account number on the assessment, with the payment reference, or online in Mijn Voorbeeld/);
  });

  it('gives the payment plan for paying it in parts ("can i pay the parking fine in instalments" got "Yes. Are you objecting …")', async () => {
    expect(await after([], 'can i pay the parking fine in instalments')).toMatch(/^Can you not pay a bill, fine or tax assessment from the municipality all at once\? Then ask for a payment plan/);
    expect(await after([], 'kan ik de parkeerboete in termijnen betalen')).toMatch(/^Kunt u een rekening, boete of aanslag van de gemeente niet in één keer betalen\? Vraag dan een betalingsregeling aan/);
  });
});

/** "er ligt afval op straat" got when the container is emptied and where the recycling centre is: litter is reported. */
describe('litter or dumped waste in the street', () => {
  it('gets the street report form', async () => {
    for (const asked of ['er ligt afval op straat', 'er staan al dagen vuilniszakken naast de container', 'iemand heeft troep gedumpt in het park']) {
      expect({ asked, said: await after([], asked) }).toEqual({ asked, said: expect.stringMatching(/^Is er iets kapot of vies op straat\? Meld het op www\.voorbeeld\.nl\/melding\./) });
    }
    expect(await after([], 'someone dumped rubbish in the street')).toMatch(/^Is something broken or dirty in the street\? Report it on www\.voorbeeld\.nl\/melding\./);
  });

  it('keeps the waste answer for one\'s own waste, and the fine\'s answer for a fine', async () => {
    expect(await after([], 'mag ik mijn afval naast de container zetten als hij vol is')).toMatch(/^Over afval vindt u alles op www\.voorbeeld\.nl\/afval\./);
    expect(await after([], 'wanneer wordt de container geleegd')).toMatch(/^Over afval vindt u alles/);
    expect(await after([], 'ik heb een boete gekregen voor een zak naast de container')).toMatch(/^Heeft u een boete gekregen voor afval\?/);
  });
});

/** "my mother died, what do i need to arrange" got only the condolences; the Dutch "… wat moet ik regelen" also got what to do. */
describe('a death told in English with what to arrange', () => {
  it('gets the condolences and what the registration of the death does by itself', async () => {
    for (const asked of ['my mother died, what do i need to arrange', 'my father passed away, what do I have to do']) {
      const said = await after([], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^I am sorry for your loss\..* When someone dies, the funeral director usually registers the death/) });
    }
  });

  it('keeps the crisis line alone when a crisis is told beside the death', async () => {
    const said = await after([], 'my dad died and I want to die too, what do I do now');
    expect(said).toMatch(/113.*112/);
    expect(said).not.toMatch(/funeral director/);
  });
});

/** "wat als ik te laat ben" right after the answer on bijzondere bijstand got "Is uw geld er nog niet …?" and a person offered. */
describe('applying late for bijzondere bijstand', () => {
  it('says to apply as soon as possible with the bill, that it may then be refused, and whom to call', async () => {
    for (const asked of ['wat als ik te laat ben', 'en als ik te laat ben?', 'wat als ik het al gekocht heb']) {
      const said = await after(['ik wil bijzondere bijstand aanvragen'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^Heeft u de kosten al gemaakt\? Vraag de bijzondere bijstand dan zo snel mogelijk aan op www\.voorbeeld\.nl\/bijstand\..*niet altijd.*14 0123/) });
      expect(said).not.toMatch(/Is uw geld er nog niet|gaat het goed met u/);
    }
    // Said as a statement the learned model leans to a crisis in: the same answer (its check-in once is the model's lean, as elsewhere).
    expect(await after(['ik wil bijzondere bijstand aanvragen'], 'ik heb het al gekocht')).toMatch(/^Heeft u de kosten al gemaakt\?/);
    expect(await after(['I want to apply for special assistance'], 'what if I am too late')).toMatch(/^Have you already made the costs\?/);
  });

  it('keeps the crisis reply for a crisis in the same spot', async () => {
    for (const asked of ['wat als ik het al gekocht heb, ik wil er niet meer zijn', 'wat als ik al dood ben']) {
      expect({ asked, said: await after(['ik wil bijzondere bijstand aanvragen'], asked) }).toEqual({ asked, said: expect.stringMatching(CRISIS) });
    }
  });

  it('keeps "het is te laat" about a payment right after the payment answer', async () => {
    expect(await after(['wanneer wordt de bijstand betaald'], 'het geld is te laat')).toMatch(/Is uw geld er nog niet/);
  });
});

/** "wanneer komt het dan" right after the status of a granted benefit got the date and the whole payment answer again. */
describe('"wanneer komt het dan" right after a status with a payment date', () => {
  it('says the date of the status, briefly', async () => {
    for (const asked of ['wanneer komt het dan', 'wnr komt het', 'wanneer krijg ik het dan?', 'wnr krijg ik t']) {
      const said = await after(BENEFIT, asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In uw zaak Z-2026-000456 staat: Eerste betaling op 1 december 2026\./) });
      expect(said).not.toMatch(/Toeslagen en vergoedingen|Zal ik een medewerker vragen/);
      expect(said.length).toBeLessThan(300);
    }
    // After a status with a decision date, not the payment answer: that date.
    expect(await after([DORMER], 'wanneer komt het dan')).toBe('In uw zaak Z-2026-000123 staat: Besluit uiterlijk 15 januari 2027.');
    const en = await after(BENEFIT, 'when does it come then');
    expect(en).toMatch(/^Your case Z-2026-000456 says \(in Dutch\): "Eerste betaling op 1 december 2026\."/);
    expect(en).not.toMatch(/Allowances and refunds/);
  });
});

/** "wanneer komt het dan" right after the passport answer got what a passport costs (read as a payment). */
describe('"wanneer komt het dan" right after an answer that says how long it takes', () => {
  it('quotes the answer\'s own time', async () => {
    for (const asked of ['wanneer komt het dan', 'wanneer heb ik het']) {
      const said = await after(['hoe vraag ik een paspoort aan'], asked);
      expect({ asked, said }).toEqual({ asked, said: expect.stringMatching(/^In mijn antwoord staat: Ongeveer 5 werkdagen later kunt u het ophalen\./) });
    }
    expect(await after(['ik wil een uittreksel uit de brp'], 'wanneer krijg ik het')).toMatch(/^In mijn antwoord staat: U krijgt het binnen 5 werkdagen per post\./);
  });
});
