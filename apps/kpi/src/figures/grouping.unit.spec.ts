import { describe, expect, it } from '@jest/globals';
import { mostSpecific } from './grouping.ts';

const unit = (...path: string[]) => ({ code: path.at(-1) ?? '', path });

describe('the successors a former unit is read through', () => {
  it('leave out the province that absorbed a former province: its communes are summed once', () => {
    // Phú Yên (54, 2024) in 2026: linked whole to Đắk Lắk (66) and, commune by commune, to three of its communes.
    const linked = [unit('66'), unit('66', '22015'), unit('66', '22045'), unit('66', '22240')];
    expect(mostSpecific(linked).map((u) => u.code)).toEqual(['22015', '22045', '22240']);
  });

  it('keep every commune of a former district, none being above another', () => {
    const communes = [unit('66', '24121'), unit('66', '24133'), unit('66', '24175')];
    expect(mostSpecific(communes)).toEqual(communes);
  });
});
