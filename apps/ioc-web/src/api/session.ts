// Who is signed in: the development issuer's (or a deployment's) token, taken once from the link's
// #token= fragment into this tab's session storage, and the home unit its claims give.
const storageKey = 'nhip.token';

export interface Session {
  readonly token: string;
  readonly role: string;
  /** The unit the token is scoped to; undefined for an administrator (the whole country). */
  readonly unit: string | undefined;
  readonly expiresAt: number;
}

function claimsOf(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function sessionOf(token: string): Session | undefined {
  const claims = claimsOf(token);
  if (!claims || typeof claims['role'] !== 'string') return undefined;
  const unit = claims['unit'];
  return {
    token,
    role: claims['role'],
    unit: typeof unit === 'string' ? unit : undefined,
    expiresAt: typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : Infinity,
  };
}

/** The session from the link's fragment (then removed from the address bar) or this tab's storage. */
export function currentSession(): Session | undefined {
  const fromLink = /(?:^#|&)token=([^&]+)/.exec(location.hash)?.[1];
  if (fromLink) {
    sessionStorage.setItem(storageKey, decodeURIComponent(fromLink));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem(storageKey);
  const session = token ? sessionOf(token) : undefined;
  return session && session.expiresAt > Date.now() ? session : undefined;
}

export const signIn = (token: string): void => sessionStorage.setItem(storageKey, token.trim());
export const signOut = (): void => sessionStorage.removeItem(storageKey);
