// The activity service's tables as TypeORM entities: what migrations are generated against and
// what an entity-based query may use. The replica and the queries stay hand-written SQL.
import { EntitySchema } from 'typeorm';

const text = { type: 'text' } as const;
const texts = { type: 'text', array: true } as const;
const uuidKey = { type: 'uuid', primary: true } as const;

export interface CampaignRow {
  campaignId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  treeVersion: string;
  unitCodes: string[];
  target: unknown;
}
export const Campaign = new EntitySchema<CampaignRow>({
  name: 'Campaign',
  tableName: 'rm_campaigns',
  columns: {
    campaignId: uuidKey,
    name: text,
    startsOn: { type: 'date' },
    endsOn: { type: 'date' },
    treeVersion: text,
    unitCodes: texts,
    target: { type: 'jsonb', nullable: true },
  },
});
