// What each metric counts, as operators and partners read it: the explanation of a number names its
// operands with these, and GET /catalog lists them beside the indicators.
import { activityKinds, type ActivityKind } from '@nhip/contracts';
import { metricKind } from './evaluate.ts';
import type { MetricId } from './indicator.ts';

export interface Name {
  readonly vi: string;
  readonly en: string;
}

export const kindsInEnglish: Record<ActivityKind, string> = {
  vneid_activation: 'VNeID installed and activated',
  public_service_account: 'national public-service portal account created',
  online_application: 'online public-service application filed',
  e_payment_account: 'bank / e-payment account opened',
  e_health_app: 'electronic health book installed',
  digital_address: 'digital address registered',
  e_commerce_onboarding: 'selling on an e-commerce platform',
  security_guidance: 'information-security and anti-fraud guidance',
  communication_session: 'communication session',
  heritage_qr: 'heritage site digitised with a QR code',
  other: 'other',
};

const registryMetrics: Record<Exclude<MetricId, `${string}.${string}`>, Name> = {
  villages: { vi: 'Số thôn, tổ dân phố', en: 'Villages and residential groups' },
  villages_with_active_team: {
    vi: 'Số thôn, tổ dân phố có Tổ công nghệ số cộng đồng hoạt động',
    en: 'Villages with an active community digital technology team',
  },
  active_teams: { vi: 'Số Tổ công nghệ số cộng đồng hoạt động', en: 'Active teams' },
  active_members: { vi: 'Số thành viên đang hoạt động', en: 'Active members' },
  active_members_trained: {
    vi: 'Số thành viên đang hoạt động đã được tập huấn ít nhất một lần',
    en: 'Active members trained at least once',
  },
};

const kinds = Object.keys(activityKinds) as ActivityKind[];

/** Every metric the catalog's formulas can name. */
export const metricIds: readonly MetricId[] = [
  ...kinds.map((kind) => `residents_helped.${kind}` as const),
  ...kinds.map((kind) => `activities.${kind}` as const),
  ...(Object.keys(registryMetrics) as (keyof typeof registryMetrics)[]),
];

export function metricName(metric: MetricId): Name {
  const [family, kind] = metric.split('.') as [string, ActivityKind | undefined];
  if (kind !== undefined && family === 'residents_helped')
    return {
      vi: `Lượt người dân được hỗ trợ: ${activityKinds[kind]}`,
      en: `Residents helped: ${kindsInEnglish[kind]}`,
    };
  if (kind !== undefined)
    return {
      vi: `Số lần hỗ trợ được báo cáo: ${activityKinds[kind]}`,
      en: `Activities reported: ${kindsInEnglish[kind]}`,
    };
  return registryMetrics[metric as keyof typeof registryMetrics];
}

/** A metric as GET /catalog lists it: flows sum a period's days, stocks are the state at its end. */
export const metricDefinitions = metricIds.map((id) => ({
  id,
  counts: metricKind(id),
  name: metricName(id),
}));
