/**
 * Found wrong by talking to the demo (stop 67, second file): a deaf citizen handed to a person was told "een medewerker legt
 * het u graag rustig uit" and nothing on how, and with a crisis beside it only "bel 113" and "bel 112".
 */
import { describe, expect, it } from 'vitest';
import type { Loket } from '../../src/server/loket.ts';
import { saidAfter } from '../support/loket.ts';
import { useLoket } from '../support/use-loket.ts';

let loket: Loket;
useLoket((started) => (loket = started));

describe('a deaf citizen (stop 67)', () => {
  it('is told the person writes in the chat, after the acknowledgement', async () => {
    expect(await saidAfter(loket, [], 'ik ben doof, kan ik ook mailen?')).toMatch(/rustig uit\. De medewerker schrijft u hier in de chat\. U hoeft niet te bellen\.$/);
    expect(await saidAfter(loket, [], 'i am deaf and need help with a form')).toMatch(/The staff member will write to you here in the chat\./);
  });

  it('with a crisis, the crisis line in writing too', async () => {
    const said = await saidAfter(loket, [], 'ik ben doof en ik wil dood');
    expect(said).toMatch(/^Wat naar dat het zo zwaar is\. .*113/);
    expect(said).toMatch(/Chat dan met 113 op www\.113\.nl, dag en nacht\. .* 112NL-app\./);
    expect(await saidAfter(loket, [], "i'm deaf and i want to end my life")).toMatch(/chat with 113 on www\.113\.nl/);
  });

  it('no such note for other needs or for a crisis alone', async () => {
    expect(await saidAfter(loket, [], 'ik kan niet goed lezen')).not.toMatch(/in de chat/);
    expect(await saidAfter(loket, [], 'ik wil dood')).not.toMatch(/113\.nl/);
  });
});

describe('a card behind the windscreen for the parking permit (stop 67)', () => {
  it('after the permit status, and asked first, the permit is digital', async () => {
    expect(await saidAfter(loket, ['Z-2026-000124 1234 AB 15-03-1980'], 'moet ik een kaart achter de ruit leggen')).toMatch(/^Nee\. Uw parkeervergunning is digitaal\./);
    expect(await saidAfter(loket, [], 'moet mijn parkeervergunning achter de ruit?')).toMatch(/^Nee\. Uw parkeervergunning is digitaal\./);
    expect(await saidAfter(loket, [], 'do i need to display my parking permit behind the windscreen')).toMatch(/^No\. Your parking permit is digital\./);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, ['Z-2026-000124 1234 AB 15-03-1980'], 'moet ik een kaart achter de ruit leggen ik wil dood')).toMatch(/113/);
  });
});

describe('"can i work part time" (stop 67)', () => {
  it('earning beside a benefit, not the opening hours, first and after the amounts', async () => {
    expect(await saidAfter(loket, [], 'can i work part time')).toMatch(/^Do you earn something beside social assistance\?/);
    expect(await saidAfter(loket, ['how much social assistance do i get'], 'can i work part time')).toMatch(/^Do you earn something beside social assistance\?/);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, [], 'can i work part time i want to die')).toMatch(/113/);
  });
});

describe('found it after all, or why the assistant cannot say, as the whole message (stop 67, found by helper fr)', () => {
  it('leaves the queue or gets the answer, not the crisis line', async () => {
    for (const said of ['never mind I found it', 'laat maar ik heb het al gevonden']) {
      const got = await saidAfter(loket, ['ik wil een medewerker spreken'], said);
      expect({ said, got }).toEqual({ said, got: expect.stringMatching(/no longer in the queue|niet meer in de wachtrij/) });
      expect({ said, got }).not.toEqual({ said, got: expect.stringMatching(/113/) });
    }
    expect(await saidAfter(loket, ['Z-2026-000789 1234 AB 30-11-1975'], 'waarom kun je dat niet zeggen')).not.toMatch(/113/);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, ['ik wil een medewerker spreken'], 'never mind I found it, i want to die')).toMatch(/113/);
    expect(await saidAfter(loket, ['ik wil een medewerker spreken'], 'laat maar ik heb het al gevonden, ik wil niet meer leven')).toMatch(/113/);
  });
});

describe('a bare "when?" right after an answer (stop 67, found by helper fq)', () => {
  it('is about that answer: not the benefit payment dates or the case question', async () => {
    expect(await saidAfter(loket, ['what are your opening hours'], 'when?')).not.toMatch(/around the 1st of the month|case number/);
    expect(await saidAfter(loket, ['wat zijn jullie openingstijden'], 'wanneer?')).not.toMatch(/rond de 1e van de maand|zaaknummer/);
    expect(await saidAfter(loket, ['hoe vraag ik een paspoort aan'], 'wanneer?')).toMatch(/^In mijn antwoord staat: Ongeveer 5 werkdagen later kunt u het ophalen\./);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, ['what are your opening hours'], 'when? i want to die')).toMatch(/113/);
  });
});

describe('"mag ik al beginnen met bouwen" as a first message (stop 67)', () => {
  it('only once the decision says so, not "Sorry"; after a status the status says it', async () => {
    expect(await saidAfter(loket, [], 'mag ik al beginnen met bouwen')).toMatch(/^Heeft u een vergunning aangevraagd\? Begin dan pas als u het besluit heeft/);
    expect(await saidAfter(loket, [], 'can i start building already?')).toMatch(/^Have you applied for a permit\? Then only start once you have the decision/);
    expect(await saidAfter(loket, ['Z-2026-000123 1234 AB 15-03-1980'], 'mag ik al beginnen met bouwen')).toMatch(/^Nog niet\. Over uw aanvraag is nog geen besluit\./);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, [], 'mag ik al beginnen met bouwen ik wil dood')).toMatch(/113/);
  });
});

describe('"who will deal with it?" while a complaint waits (stop 67, found by helper fu)', () => {
  it('gets no crisis line', async () => {
    expect(await saidAfter(loket, ['ik wil een klacht indienen over een medewerker'], 'who will deal with it?')).not.toMatch(/113/);
  });

  it('a crisis beside it keeps the crisis line', async () => {
    expect(await saidAfter(loket, ['ik wil een klacht indienen over een medewerker'], 'who will deal with it? i want to die')).toMatch(/113/);
  });
});
