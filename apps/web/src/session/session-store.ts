import type { Session, User } from '../api/client';
import { plainApi } from '../api/plain-client';

export type SessionState =
  { status: 'checking' } | { status: 'signed-in'; user: User } | { status: 'signed-out'; reason?: string };

type Listener = () => void;

/**
 * Who is signed in, and the access token, in this page's memory only (never in storage). The refresh
 * token is an HttpOnly cookie the page cannot read: POST /auth/session/refresh turns it into a new access
 * token, at start-up (a reload keeps the session) and whenever the API answers 401.
 */
class SessionStore {
  private state: SessionState = { status: 'checking' };
  private token: string | undefined;
  private refreshing: Promise<string | undefined> | undefined;
  private readonly listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = () => this.state;

  accessToken(): string | undefined {
    return this.token;
  }

  started(session: Session): void {
    this.token = session.accessToken;
    this.set({ status: 'signed-in', user: session.user });
  }

  ended(reason?: string): void {
    this.token = undefined;
    this.set({ status: 'signed-out', reason });
  }

  /** One refresh at a time, however many requests found the token expired; the new token, or none. */
  refresh(): Promise<string | undefined> {
    this.refreshing ??= this.refreshOnce().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshOnce(): Promise<string | undefined> {
    // Signed out (or signing out): a request that comes back 401 now must not bring the session back.
    if (this.state.status === 'signed-out') return undefined;
    const { data, error } = await plainApi.POST('/api/v1/auth/session/refresh').catch(() => ({
      data: undefined,
      error: { message: 'The tracker cannot be reached: check your connection and sign in again' },
    }));
    if (data && this.current().status !== 'signed-out') {
      this.started(data);
      return this.token;
    }
    if (this.state.status === 'signed-in') this.ended(error?.message ?? 'Your session has ended: sign in again');
    // At start-up no cookie is the ordinary signed-out state, with no message; signed out already (a request
    // still on its way at sign-out), the reason given then stays.
    else if (this.state.status === 'checking') this.ended();
    return undefined;
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

export const session = new SessionStore();
