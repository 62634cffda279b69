// Who the console calls the API as: the management API key typed in the sign-in form (kept for this tab only, in
// sessionStorage), or an Entra ID access token in Azure. The console shows nothing the API has not answered with
// these credentials, so a caller the API refuses sees only the sign-in form.

import { beginEntraSignIn, completeEntraSignIn, entraSignOut, entraToken } from './entra.js';

const KEY_STORAGE = 'console.apiKey';
let config = { modes: ['apiKey'], keyRequired: true, entra: null };
let signInProblem = null;

/** What went wrong coming back from Entra ID, once (then forgotten). */
export function takeSignInProblem() {
  const problem = signInProblem;
  signInProblem = null;
  return problem;
}

let ready = null;

/** Reads GET /api/auth/config (open) and finishes an Entra sign-in coming back from its redirect; once per page
 * (every caller gets the same promise). */
export function initAuth() {
  ready ??= load();
  return ready;
}

async function load() {
  try {
    const response = await fetch('/api/auth/config', { headers: { Accept: 'application/json' } });
    if (response.ok) config = await response.json();
  } catch {
    // The API cannot be reached: the first call will say so.
  }
  if (config.entra) {
    try {
      await completeEntraSignIn(config.entra);
    } catch (error) {
      // Entra refused, or the answer was not this tab's: the sign-in page shows why.
      signInProblem = error;
    }
  }
  return config;
}

export function authConfig() {
  return config;
}

/** The Authorization / X-API-Key headers of a call, or none (a local host with no key configured). */
export function authHeaders() {
  const token = entraToken();
  if (token) return { Authorization: `Bearer ${token}` };
  const key = sessionStorage.getItem(KEY_STORAGE);
  return key ? { 'X-API-Key': key } : {};
}

export function signedIn() {
  return Boolean(sessionStorage.getItem(KEY_STORAGE) || entraToken());
}

export function useApiKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function signInWithEntra() {
  return beginEntraSignIn(config.entra);
}

export function signOut() {
  sessionStorage.removeItem(KEY_STORAGE);
  if (config.entra) entraSignOut();
}
