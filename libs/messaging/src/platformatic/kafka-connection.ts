/** Where the brokers are and who we are to them; read once at start-up. */
export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly clientId: string;
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
  return { brokers, clientId };
}
