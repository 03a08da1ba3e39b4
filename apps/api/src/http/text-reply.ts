import type { FastifyReply } from 'fastify';

/** A report answered as text instead of JSON: its content type and, for CSV, the file name to save as. */
export function replyAsText(res: FastifyReply, contentType: string, downloadName?: string): void {
  res.type(contentType);
  // Our names are ASCII built from validated parameters, so they need no quoting beyond the quotes.
  if (downloadName) res.header('Content-Disposition', `attachment; filename="${downloadName}"`);
}
