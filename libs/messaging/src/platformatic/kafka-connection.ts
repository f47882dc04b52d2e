/** Where the brokers are and who we are to them; read once at start-up. */
export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /**
   * This process's name among the instances of its service, kept by a restart and shared by no
   * other running instance (NHIP_INSTANCE_ID, e.g. what a supervisor names the service it restarts);
   * the process id when unset. Consumers join their groups as static members under it (ADR 0019).
   */
  readonly instance?: string;
}

export function kafkaConnectionFromEnv(
  clientId: string,
  env: NodeJS.ProcessEnv = process.env,
): KafkaConnection {
  const raw = env['KAFKA_BROKERS'];
  if (!raw) {
    throw new Error(
      'KAFKA_BROKERS is not set: start the platform with "npm start" (which sets it) or export KAFKA_BROKERS=host:port.',
    );
  }
  const brokers = raw.split(',').map((b) => b.trim());
  const malformed = brokers.find((b) => !/^[^\s:]+:\d{1,5}$/.test(b));
  if (malformed !== undefined) {
    throw new Error(`KAFKA_BROKERS contains "${malformed}", which is not host:port.`);
  }
  return { brokers, clientId, instance: instanceFromEnv(env) };
}

/** NHIP_INSTANCE_ID, checked here: the broker refuses a member name it cannot use with an error
 * that names neither the variable nor the rule (Kafka's group.instance.id characters, ≤ 249). */
function instanceFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const instance = env['NHIP_INSTANCE_ID'];
  if (!instance) return undefined;
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(instance)) {
    throw new Error(
      `NHIP_INSTANCE_ID="${instance}" may only use letters, digits, ".", "_" and "-" (at most 100), e.g. activity-1.`,
    );
  }
  return instance;
}

/**
 * NHIP_TOPIC_PREFIX: a namespace put before every topic a service publishes or reads, so several
 * copies of the platform can share one broker (each end-to-end test run gets its own).
 */
export function topicPrefixFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const prefix = env['NHIP_TOPIC_PREFIX'] ?? '';
  if (!/^[A-Za-z0-9._-]{0,100}$/.test(prefix)) {
    throw new Error(`NHIP_TOPIC_PREFIX="${prefix}" may only use letters, digits, ".", "_" and "-".`);
  }
  return prefix;
}
