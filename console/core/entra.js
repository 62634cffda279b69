// Entra ID sign-in for the console in Azure: the OAuth 2.0 authorization code flow with PKCE (S256) against the
// Microsoft identity platform v2.0 endpoints, as a single-page app (a public client: no secret). Browser APIs only.
//
// entraConfig is the "entra" object of GET /api/auth/config:
//   { authority: "https://login.microsoftonline.com/<tenant>/v2.0", clientId: "<guid>", scopes: ["api://<guid>/access_as_user"] }
// The app registration must list location.origin + location.pathname (e.g. https://<app>.azurewebsites.net/api/console/)
// as a redirect URI of its "Single-page application" platform: Entra then answers the token request's CORS.
//
// What is kept, in sessionStorage (this tab only, gone when it closes): the pending request (PKCE verifier, state, where
// to come back) between the redirect and its return, then the access token and its expiry. No refresh token is asked
// for: when the token expires, entraToken() says null and the console signs in again (Entra's own session usually
// makes that a redirect without a prompt).

const REQUEST_KEY = 'console.entra.request';
const TOKEN_KEY = 'console.entra.token';
// A token this close to its expiry is not handed out: the call it is for could arrive after it.
const EXPIRY_MARGIN_MS = 60_000;
// The authorization code lives about 10 minutes; a pending request older than that cannot succeed.
const REQUEST_LIFETIME_MS = 15 * 60_000;
const RESPONSE_PARAMETERS = ['code', 'state', 'session_state', 'error', 'error_description', 'error_uri', 'error_subcode', 'client_info'];

/** Redirects the browser to Entra ID's sign-in page; the answer comes back to this page (see completeEntraSignIn). */
export async function beginEntraSignIn(entraConfig) {
  const { authority, clientId, scopes } = checkConfig(entraConfig);
  const verifier = randomBase64Url(32); // 43 characters, within RFC 7636's 43-128
  const state = randomBase64Url(16);
  const redirectUri = location.origin + location.pathname;
  writeJson(REQUEST_KEY, { state, verifier, redirectUri, authority, clientId, scopes, returnHash: location.hash, startedAt: Date.now() });
  const query = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    response_mode: 'query',
    scope: scopes.join(' '),
    state,
    code_challenge: await s256(verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${endpoints(authority).authorize}?${query}`); // console-allow: the configured Entra authority
}

/**
 * Call at start-up. When the address carries Entra ID's answer (?code=&state=) to the request this tab started, trades
 * the code for an access token, keeps it, removes the answer from the address (history.replaceState, back to the
 * console page the sign-in started from) and returns true. Returns false when there is nothing to complete. Throws an
 * Error (with .code, e.g. "access_denied", "invalid_grant", "state_mismatch") when Entra ID refused or the answer is
 * not this tab's; the address is cleaned then too.
 */
export async function completeEntraSignIn(entraConfig) {
  const url = new URL(location.href);
  // A copy: cleaning the address below empties url.searchParams.
  const params = new URLSearchParams(url.search);
  const state = params.get('state');
  if (!state || !(params.has('code') || params.has('error'))) return false;

  const request = readJson(REQUEST_KEY);
  sessionStorage.removeItem(REQUEST_KEY);
  cleanAddress(url, request?.state === state ? request.returnHash : null);
  if (!request) return false;
  if (request.state !== state) throw signInError('state_mismatch', 'The sign-in answer does not belong to the sign-in this tab started; sign in again.');
  if (entraConfig && entraConfig.clientId !== request.clientId) throw signInError('config_changed', 'The sign-in settings changed during the sign-in; sign in again.');
  if (params.has('error')) throw signInError(params.get('error'), params.get('error_description'));
  if (Date.now() - request.startedAt > REQUEST_LIFETIME_MS) throw signInError('expired', 'The sign-in took too long; sign in again.');

  const response = await fetch(endpoints(request.authority).token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      client_id: request.clientId,
      scope: request.scopes.join(' '),
      code: params.get('code'),
      redirect_uri: request.redirectUri,
      grant_type: 'authorization_code',
      code_verifier: request.verifier,
    }),
  });
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    // Not JSON: reported below with the status.
  }
  if (!response.ok || typeof answer?.access_token !== 'string') {
    throw signInError(answer?.error ?? `http_${response.status}`, answer?.error_description ?? 'The token endpoint did not return an access token.');
  }

  const lifetimeSeconds = Number(answer.expires_in) > 0 ? Number(answer.expires_in) : 3600;
  writeJson(TOKEN_KEY, { access_token: answer.access_token, expires_at: Date.now() + lifetimeSeconds * 1000 });
  return true;
}

/** The access token to send as "Authorization: Bearer", or null when there is none or it has (nearly) expired. */
export function entraToken() {
  const stored = readJson(TOKEN_KEY);
  if (typeof stored?.access_token !== 'string' || !(stored.expires_at - EXPIRY_MARGIN_MS > Date.now())) {
    if (stored) sessionStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return stored.access_token;
}

/**
 * Who the token names (preferred_username, else name), for display only: it is read from the token without checking
 * it; the API checks every call.
 */
export function entraUser() {
  const token = entraToken();
  if (!token) return null;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')), c => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims.preferred_username ?? claims.name ?? null;
  } catch {
    return null;
  }
}

/** Forgets the token and any pending sign-in of this tab (Entra ID's own session is left as it is). */
export function entraSignOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(REQUEST_KEY);
}

function checkConfig(entraConfig) {
  const { authority, clientId, scopes } = entraConfig ?? {};
  if (typeof authority !== 'string' || !/^https?:\/\//.test(authority) || typeof clientId !== 'string' || !clientId
    || !Array.isArray(scopes) || scopes.length === 0) {
    throw signInError('not_configured', 'Entra ID sign-in is not configured (GET /api/auth/config has no "entra").');
  }
  return { authority, clientId, scopes };
}

// ".../<tenant>/v2.0" is the issuer; the endpoints are ".../<tenant>/oauth2/v2.0/authorize" and ".../token".
function endpoints(authority) {
  const tenantRoot = authority.replace(/\/+$/, '').replace(/\/v2\.0$/, '');
  return { authorize: `${tenantRoot}/oauth2/v2.0/authorize`, token: `${tenantRoot}/oauth2/v2.0/token` };
}

function cleanAddress(url, returnHash) {
  for (const name of RESPONSE_PARAMETERS) url.searchParams.delete(name);
  const query = url.searchParams.toString();
  history.replaceState(history.state, '', `${url.pathname}${query ? `?${query}` : ''}${returnHash ?? url.hash}`);
}

async function s256(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function randomBase64Url(byteCount) {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

function base64Url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function readJson(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function writeJson(key, value) {
  sessionStorage.setItem(key, JSON.stringify(value));
}

function signInError(code, description) {
  const error = new Error(description || code);
  error.code = code;
  return error;
}
