import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { builtService } from './built-service.ts';

describe('builtService', () => {
  it("finds a service's bundle in this workspace, or under an image tree's root", () => {
    expect(builtService('kpi')).toBe(path.resolve('apps/kpi/dist-bundle/main.mjs'));
    expect(fs.existsSync(path.resolve('apps/kpi/src/main.ts'))).toBe(true); // the same root
    expect(builtService('projection', '/srv')).toBe('/srv/apps/projection/dist-bundle/main.mjs');
  });
});
