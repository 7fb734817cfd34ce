/**
 * One canned answer per intent for the nlp.js comparison bot (what a team would write in an nlp.js
 * corpus's `answers`). Intents a contact centre added get the generic answer.
 */
export const ANSWERS: Record<string, { nl: string; en: string }> = {
  case_status: {
    nl: 'Ik zoek het voor u op. Wat is uw zaaknummer? Het ziet er zo uit: Z-2026-000123.',
    en: 'I will look it up for you. What is your case number? It looks like this: Z-2026-000123.',
  },
  documents: {
    nl: 'Welke papieren nodig zijn, staat in de brief bij uw aanvraag. U kunt ze uploaden via Mijn Gemeente.',
    en: 'The letter about your application lists the documents needed. You can upload them in My Municipality.',
  },
  objection: {
    nl: 'Bent u het niet eens met een besluit? U kunt binnen 6 weken bezwaar maken.',
    en: 'Do you disagree with a decision? You can object within 6 weeks.',
  },
  complaint: {
    nl: 'Wat vervelend dat u niet tevreden bent. Een medewerker neemt uw klacht in behandeling.',
    en: 'I am sorry you are not satisfied. A person will handle your complaint.',
  },
  change_details: {
    nl: 'Uw gegevens wijzigen kan via Mijn Gemeente, of bel 14 0123.',
    en: 'You can change your details in My Municipality, or call 14 0123.',
  },
  payment: {
    nl: 'Betalingen staan in Mijn Gemeente. Is er niets betaald? Bel dan 14 0123.',
    en: 'Payments are listed in My Municipality. Nothing paid? Please call 14 0123.',
  },
  contact_hours: {
    nl: 'Wij zijn open van maandag tot en met vrijdag, 08:30 tot 17:00 uur. Bel 14 0123 of kom naar het Voorbeeldplein 1.',
    en: 'We are open Monday to Friday, 08:30 to 17:00. Call 14 0123 or visit Voorbeeldplein 1.',
  },
  human: {
    nl: 'Natuurlijk. Ik zorg dat een medewerker u helpt.',
    en: 'Of course. I will make sure a person helps you.',
  },
  greeting: { nl: 'Hallo! Waarmee kan ik u helpen?', en: 'Hello! How can I help you?' },
  thanks: { nl: 'Graag gedaan!', en: 'You are welcome!' },
  goodbye: { nl: 'Tot ziens!', en: 'Goodbye!' },
  none: { nl: 'Sorry, dat begrijp ik niet. Kunt u het anders zeggen?', en: 'Sorry, I do not understand. Could you say it differently?' },
};

export const GENERIC_ANSWER = { nl: 'Ik help u graag verder met uw vraag.', en: 'I will gladly help you with your question.' };
