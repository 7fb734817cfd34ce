/**
 * Small DOM helpers. Text from outside (citizens, caseworkers, the server) only ever enters the page
 * as text nodes: there is no innerHTML anywhere in the console.
 */

/**
 * Builds an element: `el('p', { class: 'x', hidden: true }, 'text', child)`.
 * Strings become text nodes; null/undefined/false children are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export const $ = (id) => document.getElementById(id);

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` as a fragment in which every occurrence of one of `phrases` is wrapped in <mark>
 * (case-insensitive). Built from text nodes, so the citizen's words can never become markup.
 */
export function highlight(text, phrases) {
  const frag = document.createDocumentFragment();
  const wanted = [...new Set(phrases.map((p) => (p || '').trim()).filter((p) => p.length >= 2))].sort((a, b) => b.length - a.length);
  if (!text || wanted.length === 0) {
    frag.appendChild(document.createTextNode(text || ''));
    return frag;
  }
  const re = new RegExp(`(${wanted.map(escapeRegExp).join('|')})`, 'giu');
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) frag.appendChild(document.createTextNode(text.slice(last, m.index)));
    frag.appendChild(el('mark', {}, m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) frag.appendChild(document.createTextNode(text.slice(last)));
  return frag;
}

/** 75 → "01:15"; an hour or more → "1:02:05". */
export function formatWait(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

const TIME = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

export const formatTime = (iso) => (iso ? TIME.format(new Date(iso)) : '');
export const formatDateTime = (iso) => (iso ? DATE_TIME.format(new Date(iso)) : '');

/** A <dl> body from [label, value] pairs, skipping empty values. */
export function facts(dl, pairs) {
  clear(dl);
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === '') continue;
    dl.appendChild(el('dt', {}, label));
    dl.appendChild(el('dd', {}, value));
  }
  return dl;
}
