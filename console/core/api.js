// Every call the console makes goes through request(): JSON in and out, the caller's credentials attached, and an
// ApiError carrying the problem+json answer (title, detail, the field errors) when the API refuses.

import { authHeaders } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** 'errors' of a validation problem as [field, message] pairs. */
  get fieldErrors() {
    return Object.entries(this.problem.errors ?? {}).flatMap(([field, messages]) => [messages].flat().map(m => [field, m]));
  }
}

const listeners = new Set();

/** Called with the ApiError whenever the API answers 401, so the app can show the sign-in form. */
export function onUnauthorized(listener) {
  listeners.add(listener);
}

export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function request(method, path, { query, body, signal, headers } = {}) {
  const init = { method, signal, headers: { Accept: 'application/json', ...authHeaders(), ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(withQuery(path, query), init);
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { title: text.slice(0, 300) };
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401) listeners.forEach(l => l(error));
    throw error;
  }
  return data;
}

export const api = {
  get: (path, query, options) => request('GET', path, { ...options, query }),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  patch: (path, body, options) => request('PATCH', path, { ...options, body }),
  del: (path, options) => request('DELETE', path, options),
};
