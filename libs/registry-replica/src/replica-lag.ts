/** How many registry messages the replica has not applied yet (0 when caught up). */
export class ReplicaLag {
  constructor(readonly lag: () => Promise<bigint>) {}
}
