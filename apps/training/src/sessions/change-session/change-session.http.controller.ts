import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { findSession, requireOrganiser, trainingStaff, type SessionView } from '../session-catalog/index.ts';
import { notFound, requestContext, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import { changeSession } from './change-session.handler.ts';
import { CancelSessionDto } from './change-session.request.ts';

type Headers_ = Record<string, string | undefined>;

@ApiTags('sessions')
@Controller('sessions/:sessionId')
export class ChangeSessionController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  async #organisedBy(caller: Principal, sessionId: string): Promise<string> {
    const id = requireUuid(sessionId, 'sessionId');
    const session = await findSession(this.pool, id);
    if (!session) throw notFound('session', 'sessionId', id);
    await requireOrganiser(this.pool, this.scope, caller, session);
    return id;
  }

  /** The session took place: from now on it takes attendance. */
  @Post('held')
  @HttpCode(200)
  @ApiResponse({ status: 200, description: 'The session as it is now.', schema: answerSchema('Session') })
  @Roles(...trainingStaff)
  async held(
    @Param('sessionId') sessionId: string,
    @Headers() headers: Headers_,
    @Caller() caller: Principal,
  ): Promise<SessionView> {
    const id = await this.#organisedBy(caller, sessionId);
    const ctx = requestContext(headers, caller);
    return found(id, await changeSession(this.pool, id, { type: 'HoldSession' }, ctx));
  }

  @Post('cancellation')
  @HttpCode(200)
  @ApiResponse({ status: 200, description: 'The session as it is now.', schema: answerSchema('Session') })
  @Roles(...trainingStaff)
  async cancel(
    @Param('sessionId') sessionId: string,
    @Body() body: CancelSessionDto,
    @Headers() headers: Headers_,
    @Caller() caller: Principal,
  ): Promise<SessionView> {
    const id = await this.#organisedBy(caller, sessionId);
    const reason = body.reason.normalize('NFC').trim();
    return found(
      id,
      await changeSession(this.pool, id, { type: 'CancelSession', reason }, requestContext(headers, caller)),
    );
  }
}

function found(sessionId: string, session: SessionView | undefined): SessionView {
  if (!session) throw notFound('session', 'sessionId', sessionId);
  return session;
}
