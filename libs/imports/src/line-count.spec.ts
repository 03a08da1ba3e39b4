import { LineCounter } from './line-count';

const count = (...chunks: string[]) => {
  const counter = new LineCounter();
  for (const c of chunks) counter.add(Buffer.from(c, 'latin1'));
  return counter.lines;
};

describe('LineCounter', () => {
  it.each([
    ['an empty file', [''], 0],
    ['one line without an end', ['a,b'], 1],
    ['LF ends', ['a\nb\n'], 2],
    ['CRLF ends', ['a\r\nb\r\n'], 2],
    ['lone CR ends', ['a\rb\r'], 2],
    ['mixed ends, last line unended', ['a\r\nb\nc\rd'], 4],
    ['blank lines', ['a\n\n\nb\n'], 4],
    ['a CRLF split across chunks', ['a\r', '\nb\r\n'], 2],
    ['a lone CR at a chunk end', ['a\r', 'b\r', 'c'], 3],
    ['a file ending in CR split from nothing', ['a\r', ''], 1],
    ['a quoted line break counts as a line', ['name\n"two\nlines"\n'], 3],
  ])('%s', (_name, chunks, lines) => {
    expect(count(...chunks)).toBe(lines);
  });

  it('counts a file the same however it is cut into chunks', () => {
    const text = 'h1,h2\r\na,"x\ry"\n\rb,c\r\n\r\nlast';
    const whole = count(text);
    for (let cut = 0; cut <= text.length; cut++) expect(count(text.slice(0, cut), text.slice(cut))).toBe(whole);
    expect(whole).toBe(7);
  });
});
