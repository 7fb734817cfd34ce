/**
 * A lean HTTP/1.1 JSON client for the benches: one keep-alive TCP connection per virtual
 * conversation (as each citizen's browser has its own), requests written as raw bytes and responses
 * parsed by hand (Content-Length or chunked).
 *
 * Why not fetch or http.request: on a 2-core machine the load generator shares the CPU with the
 * server, and with `http.request` the driver spent more CPU per request (~90 µs) than a bare Fastify
 * route does to answer it (~55 µs), so the "ceiling" target measured the driver. This client costs a
 * fraction of that, and the bench prints the cores each side used so the reader can check.
 */
import net from 'node:net';

export class HttpError extends Error {
  constructor(readonly status: number, readonly text: string, readonly path: string) {
    super(`HTTP ${status} on ${path}: ${text.slice(0, 200)}`);
  }
}

interface Pending {
  resolve(r: { status: number; text: string }): void;
  reject(e: Error): void;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

/** One keep-alive connection; one request at a time (a conversation waits for its turn to finish). */
export class Connection {
  private socket: net.Socket | null = null;
  private buf: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  private head: { status: number; length: number; chunked: boolean; close: boolean; bodyAt: number } | null = null;

  constructor(private readonly port: number, private readonly host = '127.0.0.1') {}

  private connect(): net.Socket {
    const s = net.connect({ port: this.port, host: this.host, noDelay: true });
    s.on('data', (chunk: Buffer) => {
      this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
      this.parse();
    });
    const fail = (err: Error) => {
      if (this.socket !== s) return; // an old socket we let go of on purpose
      this.socket = null;
      this.buf = Buffer.alloc(0);
      this.head = null;
      const p = this.pending;
      this.pending = null;
      p?.reject(err);
    };
    s.on('error', fail);
    s.on('close', () => fail(new Error('connection closed by the server')));
    this.socket = s;
    return s;
  }

  private parse(): void {
    if (!this.pending) return;
    if (!this.head) {
      const end = this.buf.indexOf(CRLFCRLF);
      if (end < 0) return;
      const lines = this.buf.toString('latin1', 0, end).split('\r\n');
      const status = Number(lines[0]!.split(' ')[1]);
      let length = -1;
      let chunked = false;
      let close = false;
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i]!;
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === 'content-length') length = Number(value);
        else if (name === 'transfer-encoding') chunked = value.toLowerCase().includes('chunked');
        else if (name === 'connection') close = value.toLowerCase() === 'close';
      }
      this.head = { status, length, chunked, close, bodyAt: end + 4 };
    }
    const h = this.head;
    let text: string;
    let consumed: number;
    if (h.chunked) {
      const parts: Buffer[] = [];
      let at = h.bodyAt;
      for (;;) {
        const eol = this.buf.indexOf('\r\n', at);
        if (eol < 0) return;
        const size = parseInt(this.buf.toString('latin1', at, eol), 16);
        if (this.buf.length < eol + 2 + size + 2) return;
        if (size === 0) {
          consumed = eol + 4;
          break;
        }
        parts.push(this.buf.subarray(eol + 2, eol + 2 + size));
        at = eol + 2 + size + 2;
      }
      text = Buffer.concat(parts).toString('utf8');
    } else {
      const length = h.length < 0 ? 0 : h.length;
      if (this.buf.length < h.bodyAt + length) return;
      text = this.buf.toString('utf8', h.bodyAt, h.bodyAt + length);
      consumed = h.bodyAt + length;
    }
    this.buf = this.buf.length === consumed ? Buffer.alloc(0) : this.buf.subarray(consumed);
    this.head = null;
    const p = this.pending!;
    this.pending = null;
    if (h.close) {
      const s = this.socket;
      this.socket = null;
      s?.destroy();
    }
    p.resolve({ status: h.status, text });
  }

  /** Sends a request; resolves with the parsed JSON body (null when empty). Rejects on non-2xx. */
  json<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    if (this.pending) return Promise.reject(new Error('one request at a time per connection'));
    const payload = body === undefined ? '' : JSON.stringify(body);
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.host}:${this.port}\r\naccept: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
    if (payload) head += 'content-type: application/json\r\n';
    for (const k in headers) head += `${k}: ${headers[k]}\r\n`;
    const socket = this.socket ?? this.connect();
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      this.pending = { resolve, reject };
      socket.write(`${head}\r\n${payload}`);
    }).then(({ status, text }) => {
      if (status < 200 || status >= 300) throw new HttpError(status, text, path);
      if (text === '') return null as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        return text as T;
      }
    });
  }

  close(): void {
    const s = this.socket;
    this.socket = null;
    s?.destroy();
  }
}

/** Hands out connections to one server and closes them all at the end. */
export class Client {
  private readonly conns: Connection[] = [];
  constructor(readonly port: number, readonly host = '127.0.0.1') {}
  connection(): Connection {
    const c = new Connection(this.port, this.host);
    this.conns.push(c);
    return c;
  }
  close(): void {
    for (const c of this.conns.splice(0)) c.close();
  }
}

export const createClient = (port: number, host = '127.0.0.1') => new Client(port, host);
