// Realistic payloads for publish benchmarks: activity events of 300–500 bytes of JSON with
// Vietnamese text, keyed by commune code, with CloudEvents headers.
import { randomUUID } from 'node:crypto';
import { activityKinds } from '@nhip/contracts';

export interface BenchMessage {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

const kinds = Object.keys(activityKinds);
const notes = [
  'Hướng dẫn người dân cài đặt và kích hoạt VNeID mức 2 tại nhà văn hóa thôn',
  'Mỗi đêm 1 giờ: hỗ trợ nộp hồ sơ trực tuyến toàn trình',
  'Đi từng ngõ, gõ từng nhà: mở tài khoản thanh toán điện tử',
  'Tuyên truyền phòng chống lừa đảo trực tuyến cho hội viên Hội Phụ nữ',
];

export function buildMessages(count: number, seed = 1): BenchMessage[] {
  const messages: BenchMessage[] = [];
  for (let i = 0; i < count; i++) {
    const commune = String(20000 + ((i * 7919 + seed) % 10000)).padStart(5, '0');
    const body = {
      activityId: randomUUID(),
      teamId: randomUUID(),
      memberId: randomUUID(),
      communeCode: commune,
      villageCode: `${commune}-${String((i % 15) + 1).padStart(3, '0')}`,
      kind: kinds[i % kinds.length],
      residentsHelped: 1 + (i % 40),
      occurredAt: new Date(Date.UTC(2024, 2, 1 + (i % 28), 19)).toISOString(),
      campaign: i % 3 === 0 ? 'Mỗi đêm 1 giờ' : null,
      note: notes[i % notes.length],
    };
    // Pad into the 300–500 byte band the bar names, spreading sizes across it.
    const bare = Buffer.byteLength(JSON.stringify({ ...body, pad: '' }));
    const target = 300 + ((i * 37) % 200);
    const value = Buffer.from(JSON.stringify({ ...body, pad: 'x'.repeat(Math.max(0, target - bare)) }));
    messages.push({
      key: commune,
      value,
      headers: {
        ce_id: body.activityId,
        ce_type: 'vn.nhip.activity.logged.v1',
        ce_source: '/nhip/activity',
        ce_specversion: '1.0',
      },
    });
  }
  return messages;
}
