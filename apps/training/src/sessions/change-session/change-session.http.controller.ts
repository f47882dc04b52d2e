import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { notFound, requestContext, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import type { SessionView } from '../session-catalog/index.ts';
import { changeSession } from './change-session.handler.ts';
import { CancelSessionDto } from './change-session.request.ts';

type Headers_ = Record<string, string | undefined>;

@ApiTags('sessions')
@Controller('sessions/:sessionId')
export class ChangeSessionController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  /** The session took place: from now on it takes attendance. */
  @Post('held')
  @HttpCode(200)
  async held(@Param('sessionId') sessionId: string, @Headers() headers: Headers_): Promise<SessionView> {
    const id = requireUuid(sessionId, 'sessionId');
    return found(id, await changeSession(this.pool, id, { type: 'HoldSession' }, requestContext(headers)));
  }

  @Post('cancellation')
  @HttpCode(200)
  async cancel(
    @Param('sessionId') sessionId: string,
    @Body() body: CancelSessionDto,
    @Headers() headers: Headers_,
  ): Promise<SessionView> {
    const id = requireUuid(sessionId, 'sessionId');
    const reason = body.reason.normalize('NFC').trim();
    return found(
      id,
      await changeSession(this.pool, id, { type: 'CancelSession', reason }, requestContext(headers)),
    );
  }
}

function found(sessionId: string, session: SessionView | undefined): SessionView {
  if (!session) throw notFound('session', 'sessionId', sessionId);
  return session;
}
