import type { Decider } from '@nhip/decider';
import { decideVillage } from './village.decide.ts';
import { evolveVillages } from './village.evolve.ts';
import { initialVillages, type RegisterVillage, type VillageEvent, type VillagesState } from './village.ts';

export const villageDecider: Decider<RegisterVillage, VillageEvent, VillagesState> = {
  initialState: initialVillages,
  decide: decideVillage,
  evolve: evolveVillages,
};
