import { DefaultNamingStrategy, type Table } from 'typeorm';

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const bareName = (table: Table | string): string =>
  (typeof table === 'string' ? table : table.name).split('.').pop() ?? '';

/**
 * Entities speak TypeScript (treeVersion), tables speak SQL (tree_version), and a primary key is
 * named as PostgreSQL names one by itself (<table>_pkey): the names the hand-written queries and
 * the tables created before TypeORM already use, so a generated migration does not rename them.
 */
export class SnakeCaseNaming extends DefaultNamingStrategy {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return customName ?? snake([...prefixes, propertyName].join('_'));
  }

  override primaryKeyName(table: Table | string): string {
    return `${bareName(table)}_pkey`;
  }
}
