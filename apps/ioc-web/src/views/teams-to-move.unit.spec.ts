import { describe, expect, it } from '@jest/globals';
import { setLang } from '../i18n/i18n.ts';
import { teamsToMoveText } from './teams-to-move.ts';

const child = (code: string, name: string, teamsToMove: number) => ({ code, name, teamsToMove });
const province = (teamsToMove: number, children: ReturnType<typeof child>[]) => ({
  unit: { code: '66', name: 'Tỉnh Đắk Lắk', teamsToMove },
  children,
});

describe('the teams still to move in after the reform', () => {
  it('says nothing when none waits', () => {
    setLang('vi');
    expect(teamsToMoveText(province(0, [child('24175', 'Xã Hòa Phú', 0)]))).toBe('');
  });

  it('counts them and names the units below that wait, the most first, in the screen’s language', () => {
    const many = province(1234, [
      child('24175', 'Xã Hòa Phú', 2),
      child('24343', 'Xã Krông Năng', 1200),
      child('24328', 'Xã Ea Drông', 2),
      child('24301', 'Xã Cuôr Đăng', 0),
    ]);
    setLang('vi');
    expect(teamsToMoveText(many)).toBe(
      'Sau sắp xếp đơn vị hành chính, số tổ công nghệ số của đơn vị cũ chưa chuyển vào Tỉnh Đắk Lắk: 1.234 (Xã Krông Năng 1.200, Xã Ea Drông 2, Xã Hòa Phú 2)',
    );
    setLang('en');
    expect(teamsToMoveText(many)).toBe(
      'After the reform, teams of former units still to move into Tỉnh Đắk Lắk: 1,234 (Xã Krông Năng 1,200, Xã Ea Drông 2, Xã Hòa Phú 2)',
    );
  });

  it('names five units and marks the rest', () => {
    setLang('vi');
    const six = Array.from({ length: 6 }, (_, i) => child(`2410${i}`, `Xã ${i + 1}`, 6 - i));
    expect(teamsToMoveText(province(21, six))).toMatch(/\(Xã 1 6, Xã 2 5, Xã 3 4, Xã 4 3, Xã 5 2, …\)$/);
  });

  it('says only the count for a commune, whose villages are not where teams wait', () => {
    setLang('vi');
    const commune = { unit: { code: '24175', name: 'Xã Hòa Phú', teamsToMove: 1 }, children: [] };
    expect(teamsToMoveText(commune)).toMatch(/chưa chuyển vào Xã Hòa Phú: 1$/);
  });

  it('says how many of them wait for a person, and in which communes, when the carry-overs say so', () => {
    const commune = (code: string, name: string, teamsToMove: number, teamsLeft: number) => ({
      code,
      name,
      summary: { teamsToMove, teamsLeft },
    });
    const carryOvers = {
      communes: [commune('24343', 'Xã Krông Năng', 1, 0), commune('24175', 'Xã Hòa Phú', 0, 2)],
      waiting: { teams: 2 },
    };
    const waiting = province(3, [child('24175', 'Xã Hòa Phú', 2), child('24343', 'Xã Krông Năng', 1)]);
    setLang('vi');
    expect(teamsToMoveText(waiting, carryOvers)).toBe(
      'Sau sắp xếp đơn vị hành chính, số tổ công nghệ số của đơn vị cũ chưa chuyển vào Tỉnh Đắk Lắk: 3 (Xã Hòa Phú 2, Xã Krông Năng 1). Trong đó, 2 tổ chờ cán bộ xác định nơi chuyển đến (Xã Hòa Phú 2)',
    );
    setLang('en');
    expect(teamsToMoveText(waiting, carryOvers)).toMatch(
      /1\)\. Of these, 2 wait for a person to decide where they go \(Xã Hòa Phú 2\)$/,
    );
    // None waiting for a person: the first sentence alone.
    const none = { ...carryOvers, waiting: { teams: 0 } };
    expect(teamsToMoveText(waiting, none)).toMatch(/Xã Krông Năng 1\)$/);
    // A commune's own line does not name itself.
    const own = { unit: { code: '24175', name: 'Xã Hòa Phú', teamsToMove: 2 }, children: [] };
    const itself = {
      communes: [commune('24175', 'Xã Hòa Phú', 0, 2)],
      waiting: { teams: 2 },
    };
    expect(teamsToMoveText(own, itself)).toMatch(
      /into Xã Hòa Phú: 2\. Of these, 2 wait for a person to decide where they go$/,
    );
  });
});
