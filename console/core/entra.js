// Placeholder until the Entra ID flow lands: no Entra configuration means these are never reached.
export async function beginEntraSignIn() { throw new Error('Entra ID sign-in is not configured.'); }
export async function completeEntraSignIn() { return false; }
export function entraToken() { return null; }
export function entraSignOut() {}
