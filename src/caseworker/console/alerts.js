/**
 * Telling the caseworker about a new handoff: a short beep (WebAudio, no file), a desktop
 * notification when allowed, otherwise a flashing tab title, and always the live region.
 * Browsers only allow sound and the permission prompt after a user gesture, so `unlock()` is
 * called from a click (login, the notifications button).
 */
import { $ } from './dom.js';

let audio = null;
let flashTimer = null;
const baseTitle = document.title;

/** Call from a user gesture: prepares the audio for beeps. */
export async function unlockAudio() {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') await audio.resume();
  } catch {
    audio = null; // no WebAudio: the title flash and live region remain
  }
}

/** Call from a user gesture: audio, and the notification permission prompt (asked once). */
export async function unlock() {
  await unlockAudio();
  if ('Notification' in window && Notification.permission === 'default') {
    try {
      await Notification.requestPermission();
    } catch {
      /* old browsers: callback form only; the title flash covers it */
    }
  }
  return notificationState();
}

/** 'granted' | 'denied' | 'default' | 'unsupported' */
export function notificationState() {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

/** A short tone; two for priority 1. */
export function beep(urgent = false) {
  if (!audio || audio.state !== 'running') return;
  const tones = urgent ? [0, 0.22] : [0];
  for (const at of tones) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = urgent ? 988 : 880;
    const t = audio.currentTime + at;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.18);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + 0.2);
  }
}

/** Speaks `text` in the live region (assertive for urgent ones). */
export function announce(text, urgent = false) {
  const region = $(urgent ? 'announce-urgent' : 'announce');
  region.textContent = '';
  // A new text node after a tick, so repeating the same sentence is announced again.
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

/**
 * All signals for a new handoff. The notification carries no citizen text: it may show on a
 * shared screen.
 */
export function alertNew({ title, body, tag, urgent }) {
  beep(urgent);
  announce(`${title}: ${body}`, urgent);
  if (notificationState() === 'granted' && document.visibilityState !== 'visible') {
    try {
      const n = new Notification(title, { body, tag, requireInteraction: urgent });
      n.onclick = () => {
        window.focus();
        n.close();
      };
      return;
    } catch {
      /* fall through to the title */
    }
  }
  if (notificationState() !== 'granted' || document.visibilityState !== 'visible') flashTitle(title);
}

function flashTitle(text) {
  stopFlash();
  let on = false;
  flashTimer = setInterval(() => {
    on = !on;
    document.title = on ? `● ${text}` : baseTitle;
  }, 1000);
  document.title = `● ${text}`;
}

export function stopFlash() {
  clearInterval(flashTimer);
  flashTimer = null;
  document.title = baseTitle;
}

// Seeing the page again, or using it, ends the flash.
window.addEventListener('focus', stopFlash);
document.addEventListener('pointerdown', stopFlash);
document.addEventListener('keydown', stopFlash);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') setTimeout(stopFlash, 3000);
});
