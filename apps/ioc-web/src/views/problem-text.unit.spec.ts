import { afterEach, describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/client.ts';
import { setLang } from '../i18n/i18n.ts';
import { problemText } from './problem-text.ts';

const asked = { unit: '66', period: '2026-13' };

describe('what the page says when a view cannot be shown', () => {
  afterEach(() => setLang('vi'));

  it('says which forms a period takes when the period is refused', () => {
    const refused = new ApiError(400, { errors: [{ field: 'period', reason: 'month 13 does not exist' }] });
    expect(problemText(refused, asked)).toBe(
      'Kỳ “2026-13” không hợp lệ. Nhập năm (2026), quý (2026-Q4), tháng (2026-12), ngày (2026-12-06) hoặc lũy kế từ đầu năm (2026-to-06: hết tháng 6; 2026-to-Q3: 9 tháng).',
    );
    setLang('en');
    expect(problemText(refused, asked)).toMatch(/^The period “2026-13” is not valid\. Enter a year/);
  });

  it('names the unit code that named nothing, and the area of a refusal', () => {
    const noUnit = new ApiError(404, {
      detail: 'No unit 99999.',
      errors: [{ field: 'code', reason: 'unknown unit' }],
    });
    expect(problemText(noUnit, { unit: '99999', period: '2026' })).toBe(
      'Không tìm thấy đơn vị mã “99999” trong kỳ 2026.',
    );
    const noIndicator = new ApiError(404, {
      detail: 'No indicator nope.',
      errors: [{ field: 'indicatorId', reason: 'unknown indicator' }],
    });
    expect(problemText(noIndicator, asked)).toBe('Không tải được dữ liệu (404): No indicator nope.');
    expect(problemText(new ApiError(403), asked)).toBe('Đơn vị này nằm ngoài phạm vi của bạn');
  });

  it('gives the server’s own words for the rest, never a bare status', () => {
    expect(problemText(new ApiError(503, { detail: 'The KPI service did not answer' }), asked)).toBe(
      'Không tải được dữ liệu (503): The KPI service did not answer',
    );
    expect(problemText(new ApiError(400, { errors: [{ field: 'scope', reason: 'too deep' }] }), asked)).toBe(
      'Không tải được dữ liệu (400): scope: too deep',
    );
    expect(problemText(new ApiError(502), asked)).toBe('Không tải được dữ liệu (502)');
    expect(problemText(new TypeError('Failed to fetch'), asked)).toBe(
      'Không kết nối được tới máy chủ; kiểm tra mạng rồi tải lại trang.',
    );
  });
});
