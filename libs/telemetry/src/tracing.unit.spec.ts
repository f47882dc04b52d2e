import { describe, expect, it } from '@jest/globals';
import { serviceEntry } from './node-flags.ts';
import { serviceNameFrom } from './tracing.ts';

describe('serviceNameFrom', () => {
  it('names a service after the directory its entry is built in, bundled or not', () => {
    expect(serviceNameFrom({}, `/srv/${serviceEntry('kpi')}`)).toBe('kpi');
    expect(serviceNameFrom({}, '/work/main/apps/activity/dist/main.js')).toBe('activity');
  });

  it('prefers OTEL_SERVICE_NAME, and says nhip when the entry tells nothing', () => {
    expect(serviceNameFrom({ OTEL_SERVICE_NAME: 'kpi-eu' }, `/srv/${serviceEntry('kpi')}`)).toBe('kpi-eu');
    expect(serviceNameFrom({}, undefined)).toBe('nhip');
    expect(serviceNameFrom({}, '/tmp/script.js')).toBe('nhip');
  });
});
