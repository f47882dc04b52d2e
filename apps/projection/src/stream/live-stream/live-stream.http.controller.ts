import { answerSchema } from '@nhip/contracts';
import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nhip/auth';
import { ReplicaScopeTree, treeVersionInForce } from '@nhip/registry-replica';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '@nhip/service-http';
import { ProjectionConfig } from '../../config.ts';
import { Asking, type Asker } from '../../views/asker.ts';
import { Summaries } from '../../views/unit-summary/index.ts';
import { readers, requirePeriod } from '../../views/unit-lookup.ts';
import { yearForTargetOnly } from '../../periods/period.ts';
import { ChangeHub } from './change-hub.ts';
import { replayPage } from './change-log.queries.ts';
import { openStream, type ResumableLog } from './resume.ts';
import { SseConnection } from './sse-connection.ts';
import { SnapshotCache } from './snapshot-cache.ts';
import { FollowedPeriods, periodsOf } from './followed-periods.ts';
import { StreamQuery } from './live-stream.request.ts';

/** The live stream of a scope: a snapshot, then every change in it, resumable by Last-Event-ID. */
@ApiTags('stream')
@Controller('api')
export class LiveStreamController {
  readonly #snapshots = new SnapshotCache();
  readonly #followed = new FollowedPeriods();
  constructor(
    @Inject(Summaries) private readonly summaries: Summaries,
    @Inject(ChangeHub) private readonly hub: ChangeHub,
    @Inject(ProjectionConfig) private readonly config: ProjectionConfig,
  ) {}

  private get pool() {
    return this.summaries.pool;
  }

  @Get('stream')
  @Roles(...readers)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'A snapshot, then every change in the scope, as Server-Sent Events.',
    content: { 'text/event-stream': { schema: answerSchema('LiveStream') } },
  })
  async stream(
    @Query() query: StreamQuery,
    @Asking() asker: Asker,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const period = requirePeriod(query.period);
    const unit = await this.summaries.unit(asker, query.scope, period, 'scope');
    // The scope as asked is the unit of the tree it was found in (`unit.treeVersion`: the period's, or
    // for a former unit its own), whatever its code means in another tree.
    const roots = await new ReplicaScopeTree(this.pool).scopeRootsIn(
      unit.code,
      (await treeVersionInForce(this.pool, period.lastDay)) ?? unit.treeVersion,
      unit.treeVersion,
    );
    // Asked before the stream opens, so a KPI outage is still a problem+json answer.
    const summaryOf = await this.summaries.snapshotBuilder(asker);
    const filter = {
      roots: new Set([unit.code, ...roots.map((r) => r.path.at(-1) ?? '')]),
      periods: this.#followed.of(period),
      targetOnly: yearForTargetOnly(period),
    };
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      // Every answer names its correlation id; a hijacked reply does not send Fastify's headers.
      'x-correlation-id': request.id,
    });
    // Sent now, not with the snapshot: the client knows it is connected while the snapshot is made.
    res.flushHeaders();
    const expiresAt = asker.principal.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
    const stream = new SseConnection(res, filter, this.config.maxQueuedFrames, expiresAt);
    // A client gone during the checks above is not registered at all.
    if (!this.hub.add(stream)) return;
    const lastEventId = request.headers['last-event-id'];
    const key = `${unit.treeVersion}|${unit.code}|${period.key}`;
    const snapshot = (seq: number) => this.#snapshots.text(key, seq, () => summaryOf(unit, period));
    await openStream(stream, typeof lastEventId === 'string' ? lastEventId : undefined, this.#log(), snapshot)
      // The headers are out: the failure is the stream's last frame, named as its problem would be.
      .catch((error: unknown) => {
        this.hub.failed(error, `open the stream of ${unit.code}`);
        const problem = error instanceof ProblemError ? error.problem : undefined;
        stream.end(problem?.type.split('/').at(-1) ?? 'internal-error', problem?.detail);
      });
  }

  #log(): ResumableLog {
    const { hub, pool } = this;
    const log: ResumableLog = {
      get last() {
        return hub.last;
      },
      horizon: () => hub.horizon(),
      page: (stream, window, size) =>
        replayPage(
          pool,
          {
            ...window,
            roots: [...stream.filter.roots],
            periods: periodsOf(stream.filter),
            targetOnly: stream.filter.targetOnly,
          },
          size,
        ),
    };
    return log;
  }
}
