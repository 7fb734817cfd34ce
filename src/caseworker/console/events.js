/**
 * The live events socket (/api/v1/events, authenticated by the session cookie). Reconnects with
 * backoff; every `hello` (first connect and each reconnect) is the moment to reload the inbox,
 * since events sent while the socket was down are gone.
 */

const MAX_DELAY_MS = 15000;

/**
 * connectEvents({ onEvent, onStatus, onUnauthenticated }) → { close() }
 * onStatus gets 'connecting' | 'open' | 'reconnecting'.
 */
export function connectEvents({ onEvent, onStatus, onUnauthenticated }) {
  let ws = null;
  let retries = 0;
  let timer = null;
  let stopped = false;

  function open() {
    onStatus(retries === 0 ? 'connecting' : 'reconnecting');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/events`;
    const socket = new WebSocket(url);
    ws = socket;
    socket.addEventListener('message', (e) => {
      let msg;
      try {
        msg = JSON.parse(e.data);
      } catch {
        return;
      }
      if (msg.type === 'hello') {
        retries = 0;
        onStatus('open');
      }
      onEvent(msg);
    });
    socket.addEventListener('close', (e) => {
      if (ws !== socket || stopped) return;
      ws = null;
      if (e.code === 4401) return onUnauthenticated();
      const delay = Math.min(MAX_DELAY_MS, 500 * 2 ** retries++);
      onStatus('reconnecting');
      timer = setTimeout(open, delay);
    });
  }

  open();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      if (ws) ws.close();
      ws = null;
    },
  };
}
