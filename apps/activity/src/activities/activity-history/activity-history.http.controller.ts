import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Get(':activityId')
  async history(@Param('activityId') activityId: string): Promise<HistoryEntry[]> {
    const stream = await new PostgresEventStore(this.pool).readStream(
      activityStream(requireUuid(activityId, 'activityId')),
    );
    if (stream.version === 0) throw notFound('activity', 'activityId', activityId);
    return stream.events.map((e) => ({
      type: e.type,
      data: e.data,
      recordedAt: e.recordedAt,
      actor: e.metadata.actor,
    }));
  }
}
