// The indicators of the domain brief, version 1. Comparison lines carry the figures the brief
// quotes, with where they come from; a province's own targets arrive as assigned targets instead.
// A changed formula is added as a new version beside the old one, never edited in place: values are
// computed with the newest, and those published with an older one are published again (ADR 0063).
import { activityKinds, type ActivityKind } from '@nhip/contracts';
import type { ComparisonLine, IndicatorDefinition } from './indicator.ts';
import { inForce, superseded } from './in-force.ts';
import { metricName, type Name } from './metric-names.ts';

const percent = { unit: 'percent', decimals: 2, direction: 'higher-is-better', version: 1 } as const;
// `source` stays the English text the first catalog gave (readers of it keep working); `sourceName`
// says it in the language of the screen too.
const line = (kind: ComparisonLine['kind'], value: number, source: Name): ComparisonLine => ({
  kind,
  value,
  source: source.en,
  sourceName: source,
});

const residentsHelped: IndicatorDefinition[] = (Object.keys(activityKinds) as ActivityKind[]).map((kind) => ({
  id: `residents_helped.${kind}`,
  version: 1,
  name: metricName(`residents_helped.${kind}`),
  unit: 'count',
  decimals: 0,
  direction: 'higher-is-better',
  numerator: { metric: `residents_helped.${kind}` },
  comparisons: [],
}));

/** Every version of every indicator ever shipped. */
export const catalogVersions: readonly IndicatorDefinition[] = [
  {
    ...percent,
    id: 'vneid_vs_target',
    name: {
      vi: 'Tài khoản định danh điện tử (VNeID) so với chỉ tiêu được giao',
      en: 'VNeID accounts created vs the target assigned',
    },
    numerator: { metric: 'residents_helped.vneid_activation' },
    denominator: { target: 'residents_helped.vneid_activation' },
    comparisons: [],
  },
  {
    ...percent,
    id: 'public_service_accounts_vs_target',
    name: {
      vi: 'Tài khoản Cổng Dịch vụ công quốc gia so với chỉ tiêu được giao',
      en: 'Public-service portal accounts vs the target assigned',
    },
    numerator: { metric: 'residents_helped.public_service_account' },
    denominator: { target: 'residents_helped.public_service_account' },
    comparisons: [],
  },
  {
    ...percent,
    id: 'e_payment_15_plus',
    name: {
      vi: 'Người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử',
      en: 'Residents aged 15+ with an e-payment account',
    },
    numerator: { statistic: 'residents_with_e_payment_account' },
    denominator: { statistic: 'population_15_plus' },
    comparisons: [
      line('national-average', 75, {
        vi: 'Tài liệu nghiệp vụ: bình quân cả nước 75 %',
        en: 'Domain brief: national average 75 %',
      }),
    ],
  },
  {
    ...percent,
    id: 'digital_address_households',
    name: { vi: 'Hộ gia đình có địa chỉ số', en: 'Households with a digital address' },
    numerator: { statistic: 'households_with_digital_address' },
    denominator: { statistic: 'households' },
    comparisons: [],
  },
  {
    ...percent,
    id: 'villages_with_active_team',
    name: {
      vi: 'Thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động',
      en: 'Villages with an active community digital technology team',
    },
    numerator: { metric: 'villages_with_active_team' },
    denominator: { metric: 'villages' },
    comparisons: [],
  },
  {
    id: 'active_members_per_team',
    version: 1,
    name: { vi: 'Thành viên hoạt động bình quân mỗi tổ', en: 'Active members per team' },
    unit: 'ratio',
    decimals: 1,
    direction: 'higher-is-better',
    numerator: { metric: 'active_members' },
    denominator: { metric: 'active_teams' },
    comparisons: [],
  },
  {
    ...percent,
    id: 'members_trained',
    name: {
      vi: 'Thành viên được tập huấn ít nhất một lần',
      en: 'Active members trained at least once',
    },
    numerator: { metric: 'active_members_trained' },
    denominator: { metric: 'active_members' },
    comparisons: [
      line('local-target', 100, {
        vi: 'Tài liệu nghiệp vụ: chỉ tiêu năm 2024 của phường Thanh Khê Đông 100 %',
        en: 'Domain brief: Thanh Khê Đông ward, 2024 target 100 %',
      }),
    ],
  },
  ...residentsHelped,
  {
    ...percent,
    id: 'full_process_online_services',
    name: {
      vi: 'Thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình',
      en: 'Procedures offered as full-process online services',
    },
    numerator: { statistic: 'full_process_online_services' },
    denominator: { statistic: 'procedures_offered' },
    comparisons: [
      line('national-average', 43.67, {
        vi: 'Tài liệu nghiệp vụ: cả nước 43,67 %',
        en: 'Domain brief: national 43.67 %',
      }),
    ],
  },
  {
    ...percent,
    id: 'online_services_integrated',
    name: {
      vi: 'Dịch vụ công trực tuyến tích hợp lên Cổng Dịch vụ công quốc gia',
      en: 'Online services integrated into the national portal',
    },
    numerator: { statistic: 'online_services_integrated' },
    denominator: { statistic: 'online_services' },
    comparisons: [
      line('national-target', 40, {
        vi: 'Tài liệu nghiệp vụ: mục tiêu quốc gia 40 %',
        en: 'Domain brief: national goal 40 %',
      }),
    ],
  },
  {
    ...percent,
    id: 'applications_filed_online',
    name: { vi: 'Hồ sơ nộp trực tuyến trên tổng số hồ sơ', en: 'Applications filed online among all' },
    numerator: { statistic: 'applications_online' },
    denominator: { statistic: 'applications_total' },
    comparisons: [
      line('national-target', 60, {
        vi: 'Tài liệu nghiệp vụ: chỉ tiêu quốc gia 60 %',
        en: 'Domain brief: national target 60 %',
      }),
    ],
  },
];

/** The indicators in force: the newest version of each, what every value is computed with. */
export const indicatorCatalog = inForce(catalogVersions);

/** The older versions, kept to explain a value recorded with one. */
export const supersededVersions = superseded(catalogVersions);

/** The catalog's entries in force with these ids, in catalog order. */
export const catalogEntries = (ids: Iterable<string>): readonly IndicatorDefinition[] => {
  const wanted = new Set(ids);
  return indicatorCatalog.filter((d) => wanted.has(d.id));
};
