import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { notFound, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import {
  findSession,
  listSessions,
  reachOf,
  type SessionReach,
  type SessionView,
} from './session-catalog.queries.ts';

@ApiTags('sessions')
@Controller('sessions')
export class SessionCatalogController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Get()
  @ApiQuery({ name: 'courseId', required: false })
  async list(@Query('courseId') courseId?: string): Promise<{ items: SessionView[] }> {
    const course = courseId === undefined ? undefined : requireUuid(courseId, 'courseId');
    return { items: await listSessions(this.pool, course) };
  }

  /** The session and its reach: bridge points, attendees, members trained for the first time. */
  @Get(':sessionId')
  async one(@Param('sessionId') sessionId: string): Promise<SessionView & { reach: SessionReach }> {
    const id = requireUuid(sessionId, 'sessionId');
    const session = await findSession(this.pool, id);
    if (!session) throw notFound('session', 'sessionId', id);
    return { ...session, reach: await reachOf(this.pool, session) };
  }
}
