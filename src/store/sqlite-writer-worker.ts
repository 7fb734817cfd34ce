/** The writer thread (started by sqlite-conversations.ts): the conversation writes on its own connection. */
import Database from 'better-sqlite3';
import { serveCalls } from '../worker-rpc.ts';
import { configureConnection, conversationWrites, type ConversationWrites } from './sqlite-writes.ts';

serveCalls(async (data) => {
  const { file } = data as { file: string };
  const db = new Database(file);
  configureConnection(db);
  // Checkpoints run in their own thread (checkpointer.ts); this connection only writes.
  db.pragma('wal_autocheckpoint = 0');
  const writes = conversationWrites(db);
  return {
    open: (input: Parameters<ConversationWrites['open']>[0]) => writes.open(input),
    append: (input: Parameters<ConversationWrites['append']>[0]) => writes.append(input),
    commit: (batch: Parameters<ConversationWrites['commit']>[0]) => writes.commit(batch),
    close: () => db.close(),
  };
});
