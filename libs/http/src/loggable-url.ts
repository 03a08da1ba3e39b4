/** Query parameters whose values are never logged: any name holding one of these words, in any case. */
const SECRET_NAME = /token|password|secret/i;

/**
 * A request URL as logs may show it: the value of every secret-looking query parameter (the queue board's
 * sign-in link carries an access token) replaced by `…`. The names are compared as the query string is
 * read (percent-decoded, `+` as a space), so `?%74oken=`, `?Token=` or a repeated `token` are redacted
 * like `?token=`; a query that holds such a name is written back re-encoded, one that holds none as sent.
 */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let secret = false;
  for (const name of params.keys()) if (SECRET_NAME.test(name)) secret = true;
  if (!secret) return url;
  const redacted = [...params].map(([name, value]) =>
    SECRET_NAME.test(name)
      ? `${encodeURIComponent(name)}=…`
      : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`,
  );
  return `${url.slice(0, q)}?${redacted.join('&')}`;
}
