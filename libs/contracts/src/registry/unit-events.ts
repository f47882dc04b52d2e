import Type from 'typebox';
import { publicEvent, publicTopics } from '../public-event.ts';
import { LineageRelationCode, IsoDate, TreeVersion, UnitCode, UnitOriginCode } from './schema-parts.ts';

// Keyed by tree version: a consumer building the tree sees parents before children and every
// change of one version in order.
const topic = publicTopics.registryUnit;
const keyField = 'treeVersion';

export const UnitTreeOpenedV1 = publicEvent({
  type: 'vn.nhip.registry.unit-tree.opened.v1',
  topic,
  keyField,
  summary: 'A new version of the administrative-unit tree, in force from a date.',
  schema: Type.Object({ treeVersion: TreeVersion, effectiveFrom: IsoDate }),
});

export const UnitAddedV1 = publicEvent({
  type: 'vn.nhip.registry.unit.added.v1',
  topic,
  keyField,
  subjectField: 'code',
  summary: 'A unit joined a tree version: from the official list, or a village registered under its commune.',
  schema: Type.Object({
    treeVersion: TreeVersion,
    code: UnitCode,
    name: Type.String({ minLength: 1, description: 'Full official name with its prefix, e.g. Xã Hòa Phú.' }),
    type: Type.String({ minLength: 1, description: 'Tỉnh, Huyện, Xã, Phường, Thôn, Buôn, Tổ dân phố…' }),
    level: Type.Integer({ minimum: 1, description: '1 = province; the depth of the tree is data.' }),
    parentCode: Type.Union([UnitCode, Type.Null()]),
    origin: UnitOriginCode,
  }),
});

export const UnitRenamedV1 = publicEvent({
  type: 'vn.nhip.registry.unit.renamed.v1',
  topic,
  keyField,
  subjectField: 'code',
  summary: 'A unit got a new name in the same tree version.',
  schema: Type.Object({
    treeVersion: TreeVersion,
    code: UnitCode,
    name: Type.String({ minLength: 1 }),
    previousName: Type.String(),
  }),
});

export const UnitReclassifiedV1 = publicEvent({
  type: 'vn.nhip.registry.unit.reclassified.v1',
  topic,
  keyField,
  subjectField: 'code',
  summary: 'A unit changed type, e.g. a Xã became a Phường.',
  schema: Type.Object({
    treeVersion: TreeVersion,
    code: UnitCode,
    type: Type.String({ minLength: 1 }),
    previousType: Type.String(),
  }),
});

export const UnitMovedV1 = publicEvent({
  type: 'vn.nhip.registry.unit.moved.v1',
  topic,
  keyField,
  subjectField: 'code',
  summary: 'A unit moved under another parent (its path, and so its rollups, changed).',
  schema: Type.Object({
    treeVersion: TreeVersion,
    code: UnitCode,
    level: Type.Integer({ minimum: 1 }),
    parentCode: Type.Union([UnitCode, Type.Null()]),
  }),
});

export const UnitRetiredV1 = publicEvent({
  type: 'vn.nhip.registry.unit.retired.v1',
  topic,
  keyField,
  subjectField: 'code',
  summary: 'A unit left a tree version (no longer on its official list).',
  schema: Type.Object({ treeVersion: TreeVersion, code: UnitCode }),
});

export const UnitLineageRecordedV1 = publicEvent({
  type: 'vn.nhip.registry.unit.lineage-recorded.v1',
  topic,
  keyField,
  subjectField: 'code',
  summary: 'Which units of the previous tree a unit was formed from (e.g. the 1 July 2025 mergers).',
  schema: Type.Object({
    treeVersion: TreeVersion,
    code: UnitCode,
    predecessors: Type.Array(
      Type.Object({ treeVersion: TreeVersion, code: UnitCode, relation: LineageRelationCode }),
      { minItems: 1 },
    ),
  }),
});

export type UnitAddedData = Type.Static<typeof UnitAddedV1.schema>;
export type UnitLineageRecordedData = Type.Static<typeof UnitLineageRecordedV1.schema>;
export type UnitMovedData = Type.Static<typeof UnitMovedV1.schema>;

export const unitEvents = [
  UnitTreeOpenedV1,
  UnitAddedV1,
  UnitRenamedV1,
  UnitReclassifiedV1,
  UnitMovedV1,
  UnitRetiredV1,
  UnitLineageRecordedV1,
] as const;
