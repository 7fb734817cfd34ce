/**
 * `loket <command>`: serve, parse, nlu export, dialogs validate. Returns the exit code.
 */
import { loadConfig, nluCacheDir, type Config } from '../server/config.ts';
import { isLoketError } from '../errors.ts';
import { checkDialogSet, formatProblem, loadDialogSet, toTrainingData } from '../dialog/loader.ts';

const HELP = `loket — citizen contact assistant

  loket serve                 start the server (settings from the environment, see README)
  loket parse                 NLU on stdin: one JSON object per line {"text": "...", "lang": "nl"}
  loket nlu export            print the training examples as NDJSON {text, lang, intent}
  loket dialogs validate [DIR]  check the dialogs folder; every problem as file:line:col message
`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  try {
    if (cmd === 'serve') return await serve();
    if (cmd === 'parse') return await parse();
    if (cmd === 'nlu' && sub === 'export') return await nluExport();
    if (cmd === 'dialogs' && sub === 'validate') return validate(rest[0]);
    if (cmd === undefined || cmd === 'help' || cmd === '--help' || cmd === '-h') {
      process.stdout.write(HELP);
      return 0;
    }
    process.stderr.write(`loket: unknown command "${argv.join(' ')}"\n\n${HELP}`);
    return 2;
  } catch (err) {
    if (isLoketError(err)) {
      process.stderr.write(`loket: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

async function serve(): Promise<number> {
  const config = loadConfig();
  if (config.LOKET_WORKERS > 1) {
    const { default: cluster } = await import('node:cluster');
    return cluster.isPrimary ? servePrimary(config) : serveWorker(config, config.LOKET_INSTANCE ?? 1);
  }
  const { createLoket } = await import('../server/loket.ts');
  const loket = await createLoket(config);
  const address = await loket.app.listen({ port: config.PORT, host: config.HOST });
  printBanner(config, address, loket.dialogs, loket.firstUser, 1);
  return untilStopped(() => loket.close(), ['SIGINT', 'SIGTERM']);
}

/**
 * LOKET_WORKERS > 1: prepare the store once (schema, demo data, secrets, the first account, the NLU
 * model cache), then fork the workers (src/server/cluster.ts) and print the lines once they listen.
 */
async function servePrimary(config: Config): Promise<number> {
  const { createLoket } = await import('../server/loket.ts');
  const { startPrimary } = await import('../server/cluster.ts');
  const prepared = await createLoket(config, { threads: false });
  const { dialogs, firstUser, logger } = prepared;
  await prepared.close();
  const primary = startPrimary({
    workers: config.LOKET_WORKERS,
    nodeOptions: config.NODE_OPTIONS,
    log: logger,
    onListening: ({ port }) => printBanner(config, `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`, dialogs, firstUser, config.LOKET_WORKERS),
  });
  return untilStopped(() => primary.stop(), ['SIGINT', 'SIGTERM']);
}

async function serveWorker(config: Config, instance: number): Promise<number> {
  const { createLoket } = await import('../server/loket.ts');
  const loket = await createLoket(config, { instance: { id: instance, link: true } });
  await loket.app.listen({ port: config.PORT, host: config.HOST });
  // Ctrl-C reaches the whole process group: the primary stops the workers in order.
  process.on('SIGINT', () => {});
  return untilStopped(() => loket.close(), ['SIGTERM']);
}

/** Serves until one of `signals`, then closes and exits 0. */
function untilStopped(close: () => Promise<void>, signals: NodeJS.Signals[]): Promise<number> {
  const stop = async () => {
    await close();
    process.exit(0);
  };
  for (const s of signals) process.once(s, stop);
  return new Promise<number>(() => {});
}

function printBanner(config: Config, address: string, dialogs: { version: string; intents: { size: number } }, firstUser: { username: string; password?: string } | null, workers: number): void {
  const base = config.LOKET_PUBLIC_URL ?? address.replace('://127.0.0.1', '://localhost');
  const lines = [
    '',
    `  Loket is running (dialogs version ${dialogs.version}, ${dialogs.intents.size} intents${workers > 1 ? `, ${workers} worker processes` : ''}).`,
    `  Web chat:        ${base}/`,
    `  Console:         ${base}/console`,
    loginLine(firstUser, config.LOKET_ADMIN_USER),
    `  API docs:        ${base}/docs`,
    `  Direct Line:     ${base}/v3/directline`,
    `  Health:          ${base}/health`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

function loginLine(first: { username: string; password?: string } | null, adminUser?: string): string {
  if (first?.password) return `  Demo login:      ${first.username} / ${first.password}   (shown once: write it down)`;
  if (first) return `  Login:           ${first.username} (password from LOKET_ADMIN_PASSWORD)`;
  return `  Login:           ${adminUser ?? 'demo'} (the password was shown at the first start; delete ./data to start afresh)`;
}

async function parse(): Promise<number> {
  const { createRecognizer } = await import('../nlu/index.ts');
  const { runParse } = await import('./parse.ts');
  const config = loadConfig();
  const dialogs = loadDialogSet(config.LOKET_DIALOGS, config.LOKET_OFFICE_HOURS);
  // The server's model cache, so a parse after `npm start` (or a second parse) does not train again.
  const cacheDir = nluCacheDir(config);
  const recognizer = await createRecognizer(toTrainingData(dialogs), {
    ...(cacheDir ? { cacheDir } : {}),
    onTrain: (e) => {
      if (e.phase === 'start') process.stderr.write(`loket parse: training the NLU model on ${e.examples} examples (first run or changed dialogs; cached in ${cacheDir ?? 'no folder'})\n`);
    },
  });
  return runParse(recognizer, process.stdin, process.stdout);
}

async function nluExport(): Promise<number> {
  const { runNluExport } = await import('./nlu-export.ts');
  const config = loadConfig();
  const dialogs = loadDialogSet(config.LOKET_DIALOGS, config.LOKET_OFFICE_HOURS);
  return runNluExport(toTrainingData(dialogs), process.stdout);
}

function validate(dir?: string): number {
  const target = dir ?? loadConfig().LOKET_DIALOGS;
  const { set, problems, advice } = checkDialogSet(target);
  for (const p of problems) process.stderr.write(formatProblem(p) + '\n');
  for (const p of advice) process.stderr.write(formatProblem(p) + '\n');
  if (!set) {
    process.stderr.write(`${problems.length} problem(s) in ${target}\n`);
    return 1;
  }
  const advised = advice.length > 0 ? ` (${advice.length} piece(s) of advice above)` : '';
  process.stdout.write(`${target}: ${set.files.length} files, ${set.intents.size} intents, version ${set.version}: OK${advised}\n`);
  return 0;
}
