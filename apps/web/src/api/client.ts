import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from '../session/session-store';

export type User = components['schemas']['UserDto'];
export type Session = components['schemas']['SessionDto'];
export type ApiError = components['schemas']['ErrorDto'];
export type Summary = components['schemas']['SummaryDto'];

/** Every route of the API, typed from its OpenAPI document (schema.d.ts, made by npm run web:api-types). */
export const api = createClient<paths>({ baseUrl: '' });

/** An API answer other than 2xx, with the API's own message (ErrorDto) when it sent one. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(body?.message ?? `The server answered ${status}`);
  }
}

const SESSION_ROUTES = '/api/v1/auth/session';

/**
 * The access token (held in memory only) on every request; a 401 on any other route is answered by one
 * refresh through the session cookie and the request sent again; if that fails too, the session has ended
 * and the app goes back to sign-in with the API's reason.
 */
const authorise: Middleware = {
  onRequest({ request }) {
    const token = session.accessToken();
    if (token && !new URL(request.url).pathname.startsWith(SESSION_ROUTES))
      request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || new URL(request.url).pathname.startsWith(SESSION_ROUTES)) return response;
    const renewed = await session.refresh();
    if (!renewed) return response;
    const retry = new Request(request, { headers: new Headers(request.headers) });
    retry.headers.set('Authorization', `Bearer ${renewed}`);
    return fetch(retry);
  },
};
api.use(authorise);

/** The data of an openapi-fetch answer, or an ApiProblem to throw (TanStack Query shows it). */
export function dataOr<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  const retryAfter = Number(result.response.headers.get('Retry-After'));
  throw new ApiProblem(
    result.response.status,
    isApiError(result.error) ? result.error : undefined,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string';
}
