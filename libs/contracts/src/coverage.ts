// A unit's village coverage, as the projection's summary answers it and the dashboard draws it: the
// figures of the indicator that counts villages with an active team, so the line above the tiles and
// that indicator's tile never disagree (ADR 0061 addendum). No TypeBox here: the dashboard imports
// this file alone (`@nhip/contracts/coverage`).

/** The indicator the coverage line repeats: villages with an active team over villages. */
export const coverageIndicator = 'villages_with_active_team';

export interface Coverage {
  readonly villages: number;
  readonly villagesWithTeam: number;
}

interface CountedFigures {
  readonly id: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** The coverage in a unit's indicators; null where the counting indicator has no figures. */
export function coverageOf(indicators: readonly CountedFigures[]): Coverage | null {
  const counted = indicators.find((i) => i.id === coverageIndicator);
  if (counted?.numerator == null || counted.denominator == null) return null;
  return { villages: counted.denominator, villagesWithTeam: counted.numerator };
}
