const LF = 0x0a;
const CR = 0x0d;

/**
 * Counts the lines of a file as its bytes stream by, the way the parsers number them (a line ends at LF,
 * CRLF or a lone CR; a last line without an end counts too). Quoted line breaks count as lines here as
 * they do in the problems' row numbers, which are the line where a row starts. Chunks may split a CRLF.
 */
export class LineCounter {
  private ends = 0;
  private lastByte = -1;

  add(chunk: Buffer): void {
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) this.ends++;
    // A CR ends a line unless an LF follows it (then the LF was counted).
    for (let i = chunk.indexOf(CR); i !== -1; i = chunk.indexOf(CR, i + 1)) {
      const next = i + 1 < chunk.length ? chunk[i + 1] : undefined;
      if (next !== undefined && next !== LF) this.ends++;
    }
    // A CR at the end of the previous chunk: a line end unless this chunk starts with its LF.
    if (this.lastByte === CR && chunk.length > 0 && chunk[0] !== LF) this.ends++;
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1];
  }

  /** The lines of everything added. */
  get lines(): number {
    if (this.lastByte === -1) return 0;
    if (this.lastByte === CR) return this.ends + 1;
    return this.lastByte === LF ? this.ends : this.ends + 1;
  }
}
