// What sets one simulated commune apart from another: how busy its teams are and the figures its
// source systems report (population aged 15+, households, e-payment accounts, procedures offered,
// applications). All made up, but drawn from the commune's code, so a restarted simulator reports
// the same commune the same way, and the map and the laggards' table show differences to act on
// instead of one colour. Pure, so the shapes can be tested.
import { createHash } from 'node:crypto';
import { statisticIds, type StatisticId } from '@nhip/contracts';

export type SimStatistics = Readonly<Record<StatisticId, number>>;

export interface CommuneProfile {
  /** How busy its teams are against the province's average (1): 0.35 to 1.65. */
  readonly pace: number;
  /** Members of each of its teams: 4 to 8 (Đắk Lắk: 7,121 members in 1,147 teams, about 6). */
  readonly teamSize: number;
  /** The share of its teams' members who attended the province's online training: 35 % to 95 %. */
  readonly trainedShare: number;
  /**
   * The year's targets handed down to it, shares of its residents aged 15+: VNeID accounts 40 %
   * (Thanh Khê Đông's 9,950 for a ward of about 30,000), portal accounts half that, as the teams'
   * reports are. A target per village instead (800 a commune) was met by the simulated reports
   * within half an hour of npm start.
   */
  readonly targets: { readonly vneid_vs_target: number; readonly public_service_accounts_vs_target: number };
  readonly statistics: SimStatistics;
}

/** Uniform in [0, 1), the same for the same code and aspect. */
export function drawOf(code: string, aspect: string): number {
  return createHash('sha256').update(`${code}/${aspect}`).digest().readUInt32BE(0) / 2 ** 32;
}

const between = (code: string, aspect: string, low: number, high: number) =>
  low + drawOf(code, aspect) * (high - low);

/**
 * A commune of 6,000 to 24,000 residents aged 15+. The shares sit around the domain brief's
 * figures: e-payment accounts about the national average of 75 %, full-process online services
 * about the national 43.67 % to Đà Nẵng's 93.54 %, applications online about the national target
 * of 60 %.
 */
export function communeProfile(code: string): CommuneProfile {
  const share = (whole: number, aspect: string, low: number, high: number) =>
    Math.round(whole * between(code, aspect, low, high));
  const population15 = Math.round(between(code, 'population', 6_000, 24_000));
  const households = Math.round(population15 / between(code, 'household-size', 2.4, 3.2));
  const procedures = Math.round(between(code, 'procedures', 95, 130));
  const onlineServices = share(procedures, 'online-services', 0.7, 0.98);
  const applications = Math.round(population15 * between(code, 'applications', 0.05, 0.15));
  return {
    pace: between(code, 'pace', 0.35, 1.65),
    teamSize: 4 + Math.floor(drawOf(code, 'team-size') * 5),
    trainedShare: between(code, 'trained', 0.35, 0.95),
    targets: {
      vneid_vs_target: Math.round((population15 * 0.4) / 50) * 50,
      public_service_accounts_vs_target: Math.round((population15 * 0.2) / 50) * 50,
    },
    statistics: {
      population_15_plus: population15,
      households,
      residents_with_e_payment_account: share(population15, 'e-payment', 0.55, 0.95),
      households_with_digital_address: share(households, 'digital-address', 0.15, 0.65),
      procedures_offered: procedures,
      full_process_online_services: share(procedures, 'full-process', 0.4, 0.95),
      online_services: onlineServices,
      online_services_integrated: share(onlineServices, 'integrated', 0.45, 0.95),
      applications_total: applications,
      applications_online: share(applications, 'applications-online', 0.35, 0.9),
    },
  };
}

/** The province's own figures: its communes' summed, as its statistics office would publish them. */
export function summedStatistics(list: readonly SimStatistics[]): SimStatistics {
  const sumOf = (key: StatisticId) => list.reduce((sum, s) => sum + s[key], 0);
  return Object.fromEntries(statisticIds.map((key) => [key, sumOf(key)])) as SimStatistics;
}

/** Picks an index with probability proportional to its weight (weights > 0). */
export function weightedPicker(weights: readonly number[]): (draw: number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (draw) => {
    const at = draw * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] as number) > at) high = mid;
      else low = mid + 1;
    }
    return low;
  };
}
