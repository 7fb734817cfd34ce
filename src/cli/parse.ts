/**
 * `loket parse`: NDJSON in, NDJSON out (CONTRACTS.md §3). One output line per non-blank input line, in
 * order; a line that is not a JSON object with a string `text` gets `{"error": "..."}` and the rest goes on.
 */
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Lang, ParseResult, Recognizer } from '../nlu/index.ts';

type ParseLine = Omit<ParseResult, 'handoffs'>;

/** The §3 line: exactly these keys, in this order. */
export function toParseLine(r: ParseResult): ParseLine {
  return { text: r.text, lang: r.lang, intent: r.intent, entities: r.entities, handoff: r.handoff && { reason: r.handoff.reason, evidence: r.handoff.evidence } };
}

function handleLine(recognizer: Recognizer, line: string): ParseLine | { error: string } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (err) {
    return { error: `not valid JSON: ${(err as Error).message}` };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { error: 'expected a JSON object like {"text": "..."}' };
  const { text, lang } = input as { text?: unknown; lang?: unknown };
  if (typeof text !== 'string') return { error: 'the object needs a string "text"' };
  const given: Lang | undefined = lang === 'nl' || lang === 'en' ? lang : undefined;
  return toParseLine(recognizer.parse(text, given));
}

/** Returns the exit code: 0, or 1 when the input stream fails. */
export async function runParse(recognizer: Recognizer, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let failed = false;
  input.on('error', () => {
    failed = true;
    lines.close();
  });
  // A reader that goes away (`loket parse | head`) ends the run quietly.
  let closed = false;
  output.on('error', () => {
    closed = true;
    lines.close();
    output.emit('drain');
  });
  try {
    for await (const line of lines) {
      if (closed) break;
      if (line.trim().length === 0) continue;
      if (!output.write(`${JSON.stringify(handleLine(recognizer, line))}\n`)) await once(output, 'drain');
    }
  } catch {
    failed = true;
  }
  return failed ? 1 : 0;
}
