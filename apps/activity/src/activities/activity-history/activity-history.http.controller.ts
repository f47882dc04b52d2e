import { Controller, Get, Inject, Param } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { requireActivityInScope } from '../team-scope.ts';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { PostgresEventStore } from '@nhip/event-sourcing';
import { notFound, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import { activityStream } from '../activity.ts';

export interface HistoryEntry {
  readonly type: string;
  readonly data: unknown;
  readonly recordedAt: Date;
  readonly actor: string | undefined;
}

/** An activity's history is its stream: the report, then every correction and the void, with who. */
@ApiTags('activities')
@Controller('activities')
export class ActivityHistoryController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':activityId')
  @ApiOkResponse({
    description: 'The activity’s stream, oldest first, with who sent each.',
    schema: answerSchema('ActivityHistory'),
  })
  @Roles('ioc-operator', 'district-oc', 'commune-officer', 'admin')
  async history(
    @Param('activityId') activityId: string,
    @Caller() caller: Principal,
  ): Promise<HistoryEntry[]> {
    const id = requireUuid(activityId, 'activityId');
    await requireActivityInScope(this.pool, this.scope, caller, id);
    const stream = await new PostgresEventStore(this.pool).readStream(activityStream(id));
    if (stream.version === 0) throw notFound('activity', 'activityId', activityId);
    return stream.events.map((e) => ({
      type: e.type,
      data: e.data,
      recordedAt: e.recordedAt,
      actor: e.metadata.actor,
    }));
  }
}
