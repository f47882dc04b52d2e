// What partners (a provincial statistics office, the public-service portal) send the KPI service:
// a statistic for a unit with its source and as-of date, as a CloudEvent on an inbound topic. It is
// not a public event of ours, so it is declared here beside them, validated the same way.
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { calendarDayPattern, unitCodePattern } from '../patterns.ts';

export const partnerTopics = { statistics: 'partner.statistics.v1' } as const;

/** The statistics the KPI service takes (GET /catalog lists them), by id. */
export const statisticIds = [
  'population_15_plus',
  'households',
  'procedures_offered',
  'full_process_online_services',
  'online_services',
  'online_services_integrated',
  'applications_total',
  'applications_online',
  'residents_with_e_payment_account',
  'households_with_digital_address',
] as const;
/** Reported by a source system with its source and as-of date (population, procedures, …). */
export type StatisticId = (typeof statisticIds)[number];

/** What each statistic counts, in the words of the statistics office and in English. */
export const statisticNames: Record<StatisticId, { readonly vi: string; readonly en: string }> = {
  population_15_plus: { vi: 'Dân số từ 15 tuổi trở lên', en: 'Residents aged 15 and over' },
  households: { vi: 'Số hộ gia đình', en: 'Households' },
  procedures_offered: { vi: 'Số thủ tục hành chính đang cung cấp', en: 'Administrative procedures offered' },
  full_process_online_services: {
    vi: 'Số dịch vụ công trực tuyến toàn trình',
    en: 'Full-process online public services',
  },
  online_services: { vi: 'Số dịch vụ công trực tuyến', en: 'Online public services' },
  online_services_integrated: {
    vi: 'Số dịch vụ công trực tuyến tích hợp lên Cổng Dịch vụ công quốc gia',
    en: 'Online services integrated into the national public-service portal',
  },
  applications_total: { vi: 'Tổng số hồ sơ tiếp nhận', en: 'Applications received, all channels' },
  applications_online: { vi: 'Số hồ sơ nộp trực tuyến', en: 'Applications filed online' },
  residents_with_e_payment_account: {
    vi: 'Người từ 15 tuổi trở lên có tài khoản thanh toán điện tử',
    en: 'Residents aged 15 and over with an e-payment account',
  },
  households_with_digital_address: {
    vi: 'Hộ gia đình có địa chỉ số',
    en: 'Households with a digital address',
  },
};

export const StatisticReportedV1 = {
  type: 'vn.nhip.partner.statistic.reported.v1',
  topic: partnerTopics.statistics,
  schema: Type.Object({
    unitCode: Type.String({ pattern: unitCodePattern.source }),
    statistic: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'An id of GET /catalog statistics.',
    }),
    value: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    asOf: Type.String({ pattern: calendarDayPattern.source, description: 'The date the figure describes.' }),
    source: Type.String({ minLength: 1, maxLength: 300, description: 'Who measured it, e.g. a yearbook.' }),
  }),
} as const;

export type StatisticReportedData = Type.Static<typeof StatisticReportedV1.schema>;

const validator = Compile(StatisticReportedV1.schema);

/** What is wrong with a partner's statistic; empty when it conforms. */
export function statisticReportProblems(data: unknown): string[] {
  if (validator.Check(data)) return [];
  return [...validator.Errors(data)].map((e) => `${e.instancePath || '/'} ${e.message}`);
}
