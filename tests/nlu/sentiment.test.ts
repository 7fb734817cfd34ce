import { describe, expect, it } from 'vitest';
import { frustrationFromSentiment } from '../../src/nlu/sentiment.ts';
import { sharedRecognizer } from './helpers.ts';

describe('sentiment as a frustration signal', () => {
  it.each([
    ['Dit is echt WAARDELOOS en SLECHT geregeld!!', 'nl'],
    ['wat een slechte en belachelijke afhandeling!!', 'nl'],
    ['alweer een slechte brief van jullie', 'nl'],
    ['This is terrible and awful service!!', 'en'],
    ['still no answer, this is a disgrace', 'en'],
  ] as const)('fires on strongly negative, agitated text: %s', (text, lang) => {
    const s = frustrationFromSentiment(text, lang);
    expect(s).not.toBeNull();
    expect(text.toLowerCase()).toContain(s!.evidence.split(' ')[0]!.toLowerCase());
  });

  it.each([
    ['ik ben verdrietig', 'nl'],
    ['Dank u wel!! Heel goed geregeld!!', 'nl'],
    ['mijn moeder is ziek en ik ben bang!!', 'nl'],
    ['de brief was slecht leesbaar', 'nl'],
    ['I am so happy with the help!!', 'en'],
  ] as const)('stays quiet on worries, calm complaints and praise: %s', (text, lang) => {
    expect(frustrationFromSentiment(text, lang)).toBeNull();
  });
});

describe('sentiment inside the recognizer', () => {
  it('adds frustration that no lexicon phrase caught, with the negative words as evidence', async () => {
    const recognizer = await sharedRecognizer();
    const text = 'de afhandeling van mijn parkeervergunning is WAARDELOOS en SLECHT!!';
    const parsed = recognizer.parse(text);
    expect(parsed.handoffs.map((h) => h.reason)).toContain('frustration');
    const evidence = parsed.handoffs.find((h) => h.reason === 'frustration')!.evidence;
    expect(evidence.split(' ').every((w) => text.includes(w))).toBe(true);
    expect(recognizer.parse('ik ben niet boos, alleen benieuwd naar mijn parkeervergunning').handoffs).toEqual([]);
    // Typo repair keeps the first letter: "curious" is not read as "furious".
    expect(recognizer.parse('I am curious about the status of my parking permit').handoffs).toEqual([]);
  });
});
