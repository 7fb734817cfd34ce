// Typings for the natural subpaths we import. Never import the package root: it pulls in database
// drivers, reads .env and prints to stdout.

declare module 'natural/lib/natural/stemmers/porter_stemmer_nl.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean; dj?: number }): number;
  export default JaroWinklerDistance;
}

declare module 'natural/lib/natural/sentiment/SentimentAnalyzer.js' {
  /** natural's sentiment analyzer: the average polarity of the words it knows. */
  class SentimentAnalyzer {
    constructor(language: string, stemmer: { stem(token: string): string } | null, type: 'afinn' | 'senticon' | 'pattern');
    getSentiment(words: string[]): number;
  }
  export default SentimentAnalyzer;
}
