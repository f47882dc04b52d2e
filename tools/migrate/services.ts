// The services whose schemas `npm run migrate` knows: each one's DataSource options, the database
// name its own configuration picks, and where its migrations live.
import path from 'node:path';
import type { ServiceDataSourceOptions } from '@nhip/postgres';
import { readConfig as activityConfig } from '../../apps/activity/src/config.ts';
import { activityDataSource } from '../../apps/activity/src/schema/activity-data-source.ts';
import { readConfig as registryConfig } from '../../apps/registry/src/config.ts';
import { registryDataSource } from '../../apps/registry/src/schema/registry-data-source.ts';
import { repoRoot } from '../infra/config.ts';

export interface MigratedService {
  /** The database the service uses on the server at adminUrl, as its own configuration names it. */
  readonly databaseName: (adminUrl: string) => string;
  readonly dataSource: (url: string) => ServiceDataSourceOptions;
  /** Where a generated migration is written, beside the service's first one. */
  readonly schemaDir: string;
  readonly dataSourceFile: string;
}

const schemaDir = (service: string): string => path.join(repoRoot, 'apps', service, 'src', 'schema');

export const migratedServices: Record<string, MigratedService> = {
  registry: {
    databaseName: (adminUrl) => registryConfig({ ...process.env, DATABASE_URL: adminUrl }).databaseName,
    dataSource: registryDataSource,
    schemaDir: schemaDir('registry'),
    dataSourceFile: 'registry-data-source.ts',
  },
  activity: {
    databaseName: (adminUrl) => activityConfig({ ...process.env, DATABASE_URL: adminUrl }).databaseName,
    dataSource: activityDataSource,
    schemaDir: schemaDir('activity'),
    dataSourceFile: 'activity-data-source.ts',
  },
};
