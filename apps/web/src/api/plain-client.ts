import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The typed client without the session middleware, for the session routes themselves (sign-in, refresh,
 * sign-out): their 401 means "not signed in", never "refresh and try again".
 */
export const plainApi = createClient<paths>({ baseUrl: '' });
