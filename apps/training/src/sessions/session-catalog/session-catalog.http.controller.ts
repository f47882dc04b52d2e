import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { answerSchema, vietnamDay } from '@nhip/contracts';
import { SessionSearchDto } from './session-catalog.request.ts';
import { requireSessionSeen, sessionsSeenBy } from './session-scope.ts';
import { trainingStaff } from './session-roles.ts';
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
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get()
  @ApiOkResponse({
    description: 'The sessions the caller’s area plans or is connected to.',
    schema: answerSchema('Sessions'),
  })
  @Roles(...trainingStaff)
  async list(
    @Caller() caller: Principal,
    @Query() query: SessionSearchDto,
  ): Promise<{ items: SessionView[] }> {
    const { unit } = query;
    if (unit !== undefined) await this.scope.require(caller, unit, vietnamDay(new Date()), 'unit');
    const sessions = await listSessions(this.pool, query.courseId?.toLowerCase());
    return { items: await sessionsSeenBy(this.pool, this.scope, caller, { sessions, touching: unit }) };
  }

  /** The session and its reach: bridge points, attendees, members trained for the first time. */
  @Get(':sessionId')
  @ApiOkResponse({ description: 'The session and its reach.', schema: answerSchema('SessionWithReach') })
  @Roles(...trainingStaff)
  async one(
    @Param('sessionId') sessionId: string,
    @Caller() caller: Principal,
  ): Promise<SessionView & { reach: SessionReach }> {
    const id = requireUuid(sessionId, 'sessionId');
    const session = await findSession(this.pool, id);
    if (!session) throw notFound('session', 'sessionId', id);
    const seen = await requireSessionSeen(this.pool, this.scope, caller, session);
    return { ...seen, reach: await reachOf(this.pool, session) };
  }
}
