import { isAscii, isUtf8 } from 'node:buffer';

/**
 * Byte-level gate in front of the CSV tokenizer: strips a UTF-8 byte order mark, refuses binary and UTF-16 input,
 * checks UTF-8 chunk by chunk (a multi-byte character split across chunks is carried over) and, when the
 * file turns out not to be UTF-8, re-encodes Windows-1252 to UTF-8.
 *
 * Encoding rule (`auto`): the file is read as UTF-8. At the first byte sequence that is not UTF-8, if
 * everything read before was plain ASCII (identical in both encodings) and there was no UTF-8 BOM, the
 * rest of the file is read as Windows-1252 (what Excel saves as "CSV" on a UK PC) and a note says so.
 * If real UTF-8 text came before, the file mixes encodings and is rejected: guessing would corrupt names.
 */
export class InputRejectedError extends Error {}

export type EncodingMode = 'auto' | 'utf-8' | 'windows-1252';

/** Code points of Windows-1252 bytes 0x80..0x9F (the five undefined bytes keep their C1 value). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
/** Control characters that never appear in a text CSV (tab, LF, VT, FF and CR are allowed). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const BINARY = /[\x00-\x08\x0e-\x1f]/;

export function windows1252ToUtf8(bytes: Buffer): Buffer {
  const text = bytes
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]));
  return Buffer.from(text, 'utf8');
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0 || (n > 1 && !isUtf8(bytes.subarray(i, i + n)))) return i;
    i += n;
  }
  return -1;
}

/** Where a trailing, not yet complete UTF-8 sequence starts (bytes.length when there is none). */
function incompleteTail(bytes: Buffer): number {
  const len = bytes.length;
  for (let i = len - 1; i >= 0 && i >= len - 3; i--) {
    const b = bytes[i];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    if (b < 0xc0) return len; // ASCII
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return len - i < need ? i : len;
  }
  return len;
}

export class InputDecoder {
  encoding: 'utf-8' | 'windows-1252';
  bomStripped = false;
  readonly notes: string[] = [];
  /** Bytes of the input seen so far (for offsets in messages). */
  private offset = 0;
  private started = false;
  private carry: Buffer | null = null;
  private sawNonAscii = false;

  constructor(private readonly mode: EncodingMode = 'auto') {
    this.encoding = mode === 'windows-1252' ? 'windows-1252' : 'utf-8';
  }

  /** Returns UTF-8 bytes ready for the tokenizer (possibly empty); throws InputRejectedError. */
  push(chunk: Buffer): Buffer {
    let bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    if (!this.started) {
      if (bytes.length < 4) {
        this.carry = bytes;
        return Buffer.alloc(0);
      }
      bytes = this.start(bytes);
    }
    return this.convert(bytes, false);
  }

  /** Flushes what is left at the end of the input. */
  end(): Buffer {
    let bytes = this.carry ?? Buffer.alloc(0);
    this.carry = null;
    if (!this.started) bytes = this.start(bytes);
    return this.convert(bytes, true);
  }

  private start(bytes: Buffer): Buffer {
    this.started = true;
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      throw new InputRejectedError('the file is UTF-16 text: save it as "CSV UTF-8" (or plain CSV) and try again');
    }
    if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
      throw new InputRejectedError('not a text/CSV file: this is a ZIP archive (an .xlsx workbook?); save it as CSV');
    }
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new InputRejectedError('not a text/CSV file: this is an Excel .xls workbook; save it as CSV');
    }
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.bomStripped = true;
      this.sawNonAscii = true; // a UTF-8 BOM says UTF-8: never fall back to Windows-1252 afterwards
      this.offset += 3;
      return bytes.subarray(3);
    }
    return bytes;
  }

  private convert(bytes: Buffer, last: boolean): Buffer {
    const text = bytes.toString('latin1');
    const bad = text.search(BINARY);
    if (bad >= 0) {
      const code = bytes[bad].toString(16).padStart(2, '0');
      throw new InputRejectedError(`not a text/CSV file: binary byte 0x${code} at byte ${this.offset + bad + 1}`);
    }
    if (this.encoding === 'windows-1252') {
      this.offset += bytes.length;
      return windows1252ToUtf8(bytes);
    }
    const cut = last ? bytes.length : incompleteTail(bytes);
    const body = bytes.subarray(0, cut);
    if (isUtf8(body)) {
      if (!this.sawNonAscii && !isAscii(body)) this.sawNonAscii = true;
      if (cut < bytes.length) this.carry = Buffer.from(bytes.subarray(cut));
      this.offset += cut;
      return body;
    }
    const invalid = Math.max(firstInvalidUtf8(body), 0);
    const at = this.offset + invalid + 1;
    // UTF-8 text earlier in this very chunk makes it a mixed file too.
    if (this.mode === 'auto' && !this.sawNonAscii && isAscii(body.subarray(0, invalid))) {
      this.encoding = 'windows-1252';
      this.notes.push(`the file is not UTF-8 (byte ${at}): read as Windows-1252`);
      this.offset += bytes.length;
      return windows1252ToUtf8(bytes);
    }
    throw new InputRejectedError(
      this.mode === 'utf-8'
        ? `the file is not valid UTF-8 (byte ${at}); save it as "CSV UTF-8"`
        : `the file mixes encodings: UTF-8 text, then an invalid UTF-8 byte at byte ${at}; save it as "CSV UTF-8"`,
    );
  }
}
