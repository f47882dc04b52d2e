import { sameName, type VillageEvent, type VillagesState } from './village.ts';

export function evolveVillages(state: VillagesState, event: VillageEvent): VillagesState {
  return {
    registered: state.registered + 1,
    byName: new Map(state.byName).set(sameName(event.data.name), event.data.code),
  };
}
