import type { Decider } from '@nhip/decider';
import { decideVillages } from './village.decide.ts';
import { evolveVillages } from './village.evolve.ts';
import { initialVillages, type VillageCommand, type VillageEvent, type VillagesState } from './village.ts';

export const villageDecider: Decider<VillageCommand, VillageEvent, VillagesState> = {
  initialState: initialVillages,
  decide: decideVillages,
  evolve: evolveVillages,
};
