/**
 * Reply and note drafts, per conversation. Before, the reply box kept its text when another
 * conversation was opened, so a text typed for one citizen could be sent to another. Now each
 * conversation has its own draft; it survives a reload of the tab (sessionStorage, never the server
 * or another tab) and is dropped once sent, and all drafts on logout.
 */
import { $ } from './dom.js';

const KEY = 'loket.drafts';
const FIELDS = [['reply', 'reply-text'], ['note', 'note-text']];
let currentId = null;

function load() {
  try {
    const all = JSON.parse(sessionStorage.getItem(KEY) || '{}');
    return all && typeof all === 'object' ? all : {};
  } catch {
    return {};
  }
}

function store(all) {
  try {
    if (Object.keys(all).length === 0) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or refused: the draft stays in the box, only not over a reload.
  }
}

/** Keeps what the boxes hold now as the open conversation's draft (also after a send cleared one). */
export function keepDraft() {
  if (!currentId) return;
  const all = load();
  const draft = {};
  for (const [name, id] of FIELDS) if ($(id).value) draft[name] = $(id).value;
  if (Object.keys(draft).length > 0) all[currentId] = draft;
  else delete all[currentId];
  store(all);
}

/** Another conversation is opened: the boxes show its own drafts (empty when it has none). */
export function switchDraft(handoffId) {
  if (handoffId === currentId) return;
  keepDraft();
  currentId = handoffId;
  const draft = load()[handoffId] || {};
  for (const [name, id] of FIELDS) $(id).value = draft[name] || '';
}

/** Logout: no draft stays behind in the tab. */
export function clearDrafts() {
  currentId = null;
  for (const [, id] of FIELDS) $(id).value = '';
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

export function wireDrafts() {
  for (const [, id] of FIELDS) $(id).addEventListener('input', keepDraft);
}
