import { describe, expect, it } from '@jest/globals';
import { kafkaConnectionFromEnv } from './kafka-connection.ts';

describe('kafkaConnectionFromEnv', () => {
  it('names the instance from NHIP_INSTANCE_ID, and leaves it to the pid when unset or empty', () => {
    const brokers = { KAFKA_BROKERS: '127.0.0.1:29092, 127.0.0.1:29094' };
    expect(kafkaConnectionFromEnv('nhip-kpi', { ...brokers, NHIP_INSTANCE_ID: 'kpi-4242' })).toEqual({
      brokers: ['127.0.0.1:29092', '127.0.0.1:29094'],
      clientId: 'nhip-kpi',
      instance: 'kpi-4242',
    });
    expect(kafkaConnectionFromEnv('nhip-kpi', brokers).instance).toBeUndefined();
    expect(kafkaConnectionFromEnv('nhip-kpi', { ...brokers, NHIP_INSTANCE_ID: '' }).instance).toBeUndefined();
  });

  it('refuses an instance name Kafka could not use, saying which characters it may have', () => {
    const brokers = { KAFKA_BROKERS: '127.0.0.1:29092' };
    for (const bad of ['kpi 1', 'kpi/1', 'x'.repeat(101), 'Đắk-Lắk'])
      expect(() => kafkaConnectionFromEnv('nhip-kpi', { ...brokers, NHIP_INSTANCE_ID: bad })).toThrow(
        /NHIP_INSTANCE_ID=".*" may only use letters, digits, "\.", "_" and "-"/,
      );
  });

  it('says what to do when the brokers are missing or malformed', () => {
    expect(() => kafkaConnectionFromEnv('x', {})).toThrow(/KAFKA_BROKERS is not set/);
    expect(() => kafkaConnectionFromEnv('x', { KAFKA_BROKERS: 'localhost' })).toThrow(
      /"localhost", which is not host:port/,
    );
  });
});
