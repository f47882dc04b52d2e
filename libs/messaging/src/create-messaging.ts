import type { Messaging } from './messaging.port.ts';
import type { KafkaConnection } from './platformatic/kafka-connection.ts';
import { PlatformaticAdmin } from './platformatic/platformatic-admin.ts';
import { PlatformaticPublisher } from './platformatic/platformatic-publisher.ts';
import { PlatformaticSubscriber } from './platformatic/platformatic-subscriber.ts';

/** The one place that picks the Kafka client behind the port. */
export function createMessaging(connection: KafkaConnection): Messaging {
  const publisher = new PlatformaticPublisher(connection);
  const admin = new PlatformaticAdmin(connection);
  return {
    publisher,
    subscriber: new PlatformaticSubscriber(connection),
    admin,
    close: async () => {
      await Promise.all([publisher.close(), admin.close()]);
    },
  };
}
