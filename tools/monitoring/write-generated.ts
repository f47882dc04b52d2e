// `npm run grafana:dashboards`: writes the generated dashboards, Grafana's provisioning and the
// Prometheus alert rules under deploy/. A unit spec fails when the committed files are stale.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../infra/config.ts';
import { generatedFiles } from './generated.ts';

for (const [file, text] of await generatedFiles()) {
  const target = path.join(repoRoot, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}
