/**
 * One Loket for all the tests of a file, started before them and closed after them:
 *
 *   let loket: Loket;
 *   useLoket((started) => (loket = started));
 */
import { afterAll, beforeAll } from 'vitest';
import type { Loket, LoketOverrides } from '../../src/server/loket.ts';
import { startLoket } from './loket.ts';

export function useLoket(set: (loket: Loket) => void, settings: Record<string, string> = {}, overrides: LoketOverrides = {}): void {
  let started: Loket | undefined;
  beforeAll(async () => {
    started = await startLoket(settings, overrides);
    set(started);
  });
  afterAll(async () => {
    await started?.close();
  });
}
