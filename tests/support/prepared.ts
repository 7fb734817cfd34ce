/**
 * The dialogs and the recognizer, loaded once per test process for each dialogs folder, office hours
 * and model cache. Reading the YAML and the cached model takes about two seconds, and many tests start
 * a Loket of their own. createLoket still builds the rest (store, services, NLU worker) every time.
 */
import { loadDialogSet, toTrainingData } from '../../src/dialog/loader.ts';
import { createRecognizer } from '../../src/nlu/index.ts';
import { loadConfig, nluCacheDir } from '../../src/server/config.ts';
import { createLoket, type Loket, type LoketOverrides, type Prepared } from '../../src/server/loket.ts';

const loaded = new Map<string, Promise<Prepared>>();

export function prepared(settings: Record<string, string | undefined>): Promise<Prepared> {
  const config = loadConfig(settings);
  const cacheDir = nluCacheDir(config);
  const key = [config.LOKET_DIALOGS, config.LOKET_OFFICE_HOURS, cacheDir].join('\0');
  let p = loaded.get(key);
  if (!p) {
    p = (async () => {
      const dialogs = loadDialogSet(config.LOKET_DIALOGS, config.LOKET_OFFICE_HOURS);
      const recognizer = await createRecognizer(toTrainingData(dialogs), cacheDir ? { cacheDir } : {});
      return { dialogs, recognizer };
    })();
    // A failed load (an invalid dialogs folder a test wants refused) is not kept.
    p.catch(() => loaded.delete(key));
    loaded.set(key, p);
  }
  return p;
}

/** createLoket with the dialogs and recognizer loaded once per process for these settings. */
export async function createPreparedLoket(settings: Record<string, string | undefined>, overrides: LoketOverrides = {}): Promise<Loket> {
  return createLoket(settings, { prepared: await prepared(settings), ...overrides });
}
