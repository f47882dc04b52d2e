/** How many input messages (activity, registry) the KPI service has not applied yet. */
export class InputLag {
  constructor(readonly lag: () => Promise<bigint>) {}
}
