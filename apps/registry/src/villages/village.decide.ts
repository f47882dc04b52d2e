import { DomainRuleViolation } from '@nhip/decider';
import { evolveVillages } from './village.evolve.ts';
import {
  maxVillagesPerCommune,
  sameName,
  type RegisterVillage,
  type RetireVillages,
  type VillageCommand,
  type VillageEvent,
  type VillagesState,
} from './village.ts';

export function decideVillages(command: VillageCommand, state: VillagesState): VillageEvent[] {
  if (command.type === 'RegisterVillage') return decideVillage(command, state);
  if (command.type === 'RetireVillages') return retire(command, state);
  const events: VillageEvent[] = [];
  let now = state;
  for (const { name, villageType } of command.villages) {
    for (const registered of decideVillage({ ...command, type: 'RegisterVillage', name, villageType }, now)) {
      now = evolveVillages(now, registered);
      events.push(registered);
    }
  }
  return events;
}

export function decideVillage(command: RegisterVillage, state: VillagesState): VillageEvent[] {
  const commune = command.commune;
  if (commune === undefined) {
    throw new DomainRuleViolation(
      'unknown_unit',
      `No commune ${command.communeCode} in tree ${command.treeVersion}.`,
      'communeCode',
    );
  }
  if (commune.officialChildren > 0) {
    throw new DomainRuleViolation(
      'wrong_level',
      `${commune.name} (${commune.code}) has ${commune.officialChildren} official units under it: villages are registered under a commune, ward or town (xã, phường, thị trấn).`,
      'communeCode',
    );
  }
  const existing = state.byName.get(sameName(command.name));
  if (existing !== undefined) {
    throw new DomainRuleViolation(
      'village_already_registered',
      `${commune.name} already has "${command.name}" (${existing}).`,
      'name',
    );
  }
  if (state.registered >= maxVillagesPerCommune) {
    throw new DomainRuleViolation(
      'too_many_villages',
      `A commune has at most ${maxVillagesPerCommune} villages.`,
      'name',
    );
  }
  const code = `${commune.code}-${String(state.registered + 1).padStart(3, '0')}`;
  return [
    {
      type: 'VillageRegistered',
      data: {
        code,
        name: command.name,
        type: command.villageType,
        level: commune.level + 1,
        parentCode: commune.code,
        path: [...commune.path, code],
      },
    },
  ];
}

/** Each village once: one retired already decides nothing, one never registered here is refused. */
function retire(command: RetireVillages, state: VillagesState): VillageEvent[] {
  const registered = new Set(state.byName.values());
  const unknown = command.villages.find((v) => !registered.has(v.code));
  if (unknown)
    throw new DomainRuleViolation(
      'unknown_unit',
      `No village ${unknown.code} in commune ${command.communeCode} of tree ${command.treeVersion}.`,
      'code',
    );
  return command.villages
    .filter((v) => !state.retired.has(v.code))
    .map((data) => ({ type: 'VillageRetired' as const, data }));
}
