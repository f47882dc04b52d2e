import { describe, expect, it } from '@jest/globals';
import { copyChunks, copyField, copyLine } from './copy-text.ts';

describe('COPY text format', () => {
  it('escapes the characters that would end a column or a row, and the escape itself', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
  });

  it('writes NULL as \\N, and a literal backslash-N as text', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
  });

  it('keeps JSON escapes intact for PostgreSQL to read back', () => {
    const json = JSON.stringify({ note: 'Thôn 1\tđêm\n"1 giờ"' });
    expect(copyField(json)).toBe(json.replace(/\\/g, '\\\\'));
  });

  it('joins a row with tabs and ends it with a newline', () => {
    expect(copyLine(['s-1', 1, null, 'x\ty'])).toBe('s-1\t1\t\\N\tx\\ty\n');
  });

  it('cuts rows into chunks at row boundaries, losing none', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`stream-${i}`, i, 'Mỗi đêm 1 giờ']);
    const chunks = copyChunks(rows, 4096);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.toString().endsWith('\n')).toBe(true);
    expect(Buffer.concat(chunks).toString()).toBe(rows.map(copyLine).join(''));
  });
});
