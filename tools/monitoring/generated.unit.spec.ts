// The committed dashboards, provisioning and rules are what the code generates today.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '../infra/config.ts';
import { generatedFiles } from './generated.ts';

describe('generated monitoring files', () => {
  it('are what tools/monitoring generates (npm run grafana:dashboards)', async () => {
    const files = await generatedFiles();
    expect(files.size).toBeGreaterThan(5);
    for (const [file, text] of files) {
      expect({ file, text: fs.readFileSync(path.join(repoRoot, file), 'utf8') }).toEqual({ file, text });
    }
  });
});
