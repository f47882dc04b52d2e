import { describe, expect, it } from '@jest/globals';
import { communeProfile, drawOf, summedStatistics, weightedPicker } from './commune-profile.ts';

// Đắk Lắk's 2025 communes are five-digit codes; a hundred of them is enough to see the spread.
const codes = Array.from({ length: 100 }, (_, i) => String(24_100 + i * 7));

describe('a simulated commune', () => {
  it('is the same commune on every start: its figures come from its code', () => {
    expect(communeProfile('24175')).toEqual(communeProfile('24175'));
    expect(communeProfile('24175')).not.toEqual(communeProfile('24181'));
    expect(drawOf('24175', 'pace')).not.toBe(drawOf('24175', 'population'));
  });

  it('reports parts no larger than their wholes, within the shares it was given', () => {
    for (const code of codes) {
      const s = communeProfile(code).statistics;
      expect(s.population_15_plus).toBeGreaterThanOrEqual(6_000);
      expect(s.population_15_plus).toBeLessThanOrEqual(24_000);
      expect(s.residents_with_e_payment_account / s.population_15_plus).toBeGreaterThanOrEqual(0.549);
      expect(s.residents_with_e_payment_account / s.population_15_plus).toBeLessThanOrEqual(0.951);
      expect(s.households_with_digital_address).toBeLessThanOrEqual(s.households);
      expect(s.full_process_online_services).toBeLessThanOrEqual(s.procedures_offered);
      expect(s.online_services).toBeLessThanOrEqual(s.procedures_offered);
      expect(s.online_services_integrated).toBeLessThanOrEqual(s.online_services);
      expect(s.applications_online).toBeLessThanOrEqual(s.applications_total);
      const { targets } = communeProfile(code);
      expect(Math.abs(targets.vneid_vs_target - 0.4 * s.population_15_plus)).toBeLessThanOrEqual(25);
      expect(targets.public_service_accounts_vs_target % 50).toBe(0);
      expect(targets.public_service_accounts_vs_target).toBeLessThan(targets.vneid_vs_target);
    }
  });

  it('differs from its neighbours enough for a map: some lag, some lead', () => {
    const ePayment = codes.map((code) => {
      const s = communeProfile(code).statistics;
      return s.residents_with_e_payment_account / s.population_15_plus;
    });
    const paces = codes.map((code) => communeProfile(code).pace);
    const sizes = new Set(codes.map((code) => communeProfile(code).teamSize));
    expect([...sizes].sort()).toEqual([4, 5, 6, 7, 8]);
    const trained = codes.map((code) => communeProfile(code).trainedShare);
    expect(Math.min(...trained)).toBeGreaterThanOrEqual(0.35);
    expect(Math.max(...trained)).toBeLessThanOrEqual(0.95);
    expect(Math.max(...trained) - Math.min(...trained)).toBeGreaterThan(0.4);
    expect(Math.min(...ePayment)).toBeLessThan(0.65);
    expect(Math.max(...ePayment)).toBeGreaterThan(0.85);
    expect(Math.min(...paces)).toBeLessThan(0.6);
    expect(Math.max(...paces)).toBeGreaterThan(1.4);
  });

  it('adds up to the province’s own figures', () => {
    const list = ['24175', '24181', '24184'].map((code) => communeProfile(code).statistics);
    const total = summedStatistics(list);
    expect(total.households).toBe(list.reduce((n, s) => n + s.households, 0));
    expect(total.applications_online).toBe(list.reduce((n, s) => n + s.applications_online, 0));
    expect(summedStatistics([]).population_15_plus).toBe(0);
  });
});

describe('picking a team by its commune’s pace', () => {
  it('picks each index in proportion to its weight', () => {
    const pick = weightedPicker([1, 3, 0.5]);
    const seen = [0, 0, 0];
    for (let i = 0; i < 9_000; i++) seen[pick(i / 9_000)] = (seen[pick(i / 9_000)] ?? 0) + 1;
    expect(seen).toEqual([2_000, 6_000, 1_000]);
    expect(pick(0)).toBe(0);
    expect(pick(0.999_999)).toBe(2);
  });
});
