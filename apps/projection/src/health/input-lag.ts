/** How many input messages (KPI values, registry events) the projection has not applied yet. */
export class InputLag {
  constructor(readonly lag: () => Promise<bigint>) {}
}
