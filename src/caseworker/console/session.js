/** Login, restoring the session on reload (/auth/me), and logout. */
import { api } from './api.js';
import { $ } from './dom.js';
import { clearDrafts } from './drafts.js';

/** Resolves with the logged-in user: from the cookie session if there is one, else after the form. */
export async function ensureSession() {
  try {
    const { user } = await api.me();
    return user;
  } catch (err) {
    if (err.status !== 401) showLoginError(err.message);
  }
  return loginForm();
}

function loginForm() {
  $('login-view').hidden = false;
  $('app-view').hidden = true;
  $('login-username').focus();
  return new Promise((resolve) => {
    const form = $('login-form');
    const submit = async (e) => {
      e.preventDefault();
      const username = $('login-username').value.trim();
      const password = $('login-password').value;
      if (!username || !password) return showLoginError('Vul uw gebruikersnaam en wachtwoord in.');
      $('login-submit').disabled = true;
      try {
        const { user } = await api.login(username, password);
        $('login-password').value = '';
        $('login-error').hidden = true;
        form.removeEventListener('submit', submit);
        resolve(user);
      } catch (err) {
        showLoginError(err.status === 401 ? 'Gebruikersnaam of wachtwoord klopt niet.' : err.message);
        $('login-password').select();
      } finally {
        $('login-submit').disabled = false;
      }
    };
    form.addEventListener('submit', submit);
  });
}

function showLoginError(text) {
  const p = $('login-error');
  p.textContent = text;
  p.hidden = false;
}

export async function logout() {
  // No reply or note typed for a citizen stays behind in the tab for whoever logs in next.
  clearDrafts();
  await api.logout().catch(() => undefined);
  location.reload();
}
