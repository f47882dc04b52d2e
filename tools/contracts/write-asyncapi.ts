// Writes libs/contracts/asyncapi.json from the schemas: run after changing a public event.
import { writeFileSync } from 'node:fs';
import { asyncApiDocument } from '@nhip/contracts';

const target = new URL('../../libs/contracts/asyncapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
