/*
 * Loket chat widget: the connection and what comes in over it, on top of the small Direct Line client
 * in directline.js. What the page shows is in chat-view.js, what the citizen sends in chat-composer.js.
 */
import { createDirectLine } from './directline.js';
import { addMessage, els, lastBotSays, lastNoticeSays, notice, setStatus, showError, showForAWhile, showWhy, T } from './chat-view.js';
import { startComposer } from './chat-composer.js';

let seen = new Set();
/** True from a lost connection until it is back: the status line says so, and sending does not hide it. */
let reconnecting = false;

const dl = createDirectLine({
  onActivity: showActivity,
  onConnection(state) {
    if (state === 'connecting') setStatus(T.connecting);
    else if (state === 'online') {
      // Only after a lost connection, and only in the status line (role="status", polite): a notice
      // in the log as well would be read out twice. It goes away by itself after a few seconds.
      if (reconnecting) showForAWhile(T.online);
      else setStatus('');
      reconnecting = false;
      composer.sendWaiting();
    } else if (state === 'reconnecting') {
      reconnecting = true;
      setStatus(T.reconnecting);
    } else if (state === 'restarted') notice(T.restarted);
    else if (state === 'failed') {
      reconnecting = false;
      setStatus('');
      showError(T.startFailed, true);
    }
  },
  onReset: clearLog,
  onHistory(loading) {
    els.log.setAttribute('aria-busy', String(loading)); // the history is not read out again
  },
});

const composer = startComposer({
  post: (activity) => dl.post(activity),
  isReconnecting: () => reconnecting,
  markSeen: (id) => seen.add(id),
});

function showActivity(a) {
  if (!a || !a.id || seen.has(a.id)) return;
  seen.add(a.id);
  if (a.type === 'message') {
    const role = a.from && a.from.role;
    if (role === 'user') return composer.showOwnEcho(a);
    if (role === 'caseworker') {
      const name = a.from.name;
      addMessage('caseworker', name ? T.caseworker + ': ' + name : T.caseworker, a.text || '', a.locale);
      showWhy(false); // "waarom?" would go to the caseworker, not explain an answer
      return;
    }
    // The handoff event came first with the same words and is already in the log (and read out):
    // a second copy would be announced twice.
    if (lastNoticeSays(a.text)) return showWhy(false);
    addMessage('bot', T.bot, a.text || '', a.locale);
    showWhy(!!(a.channelData && a.channelData.trace));
    return;
  }
  if (a.type === 'event' && (a.name === 'handoff.initiate' || a.name === 'handoff.status')) {
    const text = handoffText(a);
    if (!lastBotSays(text)) notice(text);
  }
}

function handoffText(a) {
  const value = a.value || {};
  if (typeof value.message === 'string' && value.message) return value.message;
  if (value.state === 'accepted') return T.handoffAccepted;
  if (value.state === 'failed') return T.handoffFailed;
  if (value.state === 'completed') return T.handoffCompleted;
  return T.handoffInitiate;
}

function clearLog() {
  els.log.textContent = '';
  seen = new Set();
  composer.forget();
  showWhy(false);
}

dl.start();
