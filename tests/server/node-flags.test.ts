/**
 * The V8 flags a serving process runs with (src/server/node-flags.ts): `npm start` passes them, and
 * missingServerFlags tells which a process lacks, whether given on the command line or in NODE_OPTIONS.
 * That cluster workers get them is checked in cluster.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingServerFlags, SERVER_NODE_FLAGS } from '../../src/server/node-flags.ts';

describe('server V8 flags', () => {
  it('npm start passes every one of them', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
    for (const flag of SERVER_NODE_FLAGS) expect(start.split(/\s+/)).toContain(flag);
  });

  it('a flag counts as given by its name, in argv or NODE_OPTIONS, whatever its value or spelling', () => {
    expect(missingServerFlags([], '')).toEqual([...SERVER_NODE_FLAGS]);
    expect(missingServerFlags(['--max-semi-space-size=32'], '')).toEqual([]);
    expect(missingServerFlags([], '--max_semi_space_size=128 --no-warnings')).toEqual([]);
    expect(missingServerFlags(['--max-old-space-size=512'], '--no-warnings')).toEqual([...SERVER_NODE_FLAGS]);
  });
});
