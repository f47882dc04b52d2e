import { sameName, type VillageEvent, type VillagesState } from './village.ts';

export function evolveVillages(state: VillagesState, event: VillageEvent): VillagesState {
  if (event.type === 'VillageRetired')
    return { ...state, retired: new Set(state.retired).add(event.data.code) };
  return {
    registered: state.registered + 1,
    byName: new Map(state.byName).set(sameName(event.data.name), event.data.code),
    retired: state.retired,
  };
}
