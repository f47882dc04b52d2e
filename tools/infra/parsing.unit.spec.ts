import { describe, expect, it } from '@jest/globals';
import { javaMajor } from './java.ts';
import { parseBrokers } from './net.ts';

describe('reading `java -version`', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "25" 2025-09-16', 25],
    ['java version "1.8.0_392"', 8],
    ['no version here', 0],
  ])('%s is Java %d', (output, major) => {
    expect(javaMajor(output)).toBe(major);
  });
});

describe('parsing KAFKA_BROKERS', () => {
  it('reads a comma-separated host:port list, IPv6 in brackets included', () => {
    expect(parseBrokers('127.0.0.1:29092, kafka-2:9092,[::1]:9093')).toEqual([
      { host: '127.0.0.1', port: 29092 },
      { host: 'kafka-2', port: 9092 },
      { host: '::1', port: 9093 },
    ]);
  });

  it.each(['kafka', 'kafka:', ':9092', 'kafka:port'])('rejects "%s"', (entry) => {
    expect(() => parseBrokers(entry)).toThrow(/is not host:port/);
  });
});
