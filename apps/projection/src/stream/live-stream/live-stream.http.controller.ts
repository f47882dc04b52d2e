import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nhip/auth';
import { ReplicaScopeTree } from '@nhip/registry-replica';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { ProjectionConfig } from '../../config.ts';
import { Asking, type Asker } from '../../views/asker.ts';
import { Summaries } from '../../views/unit-summary/index.ts';
import { readers, requirePeriod } from '../../views/unit-lookup.ts';
import { ChangeHub } from './change-hub.ts';
import { replayPage } from './change-log.queries.ts';
import { frameOf, SseConnection } from './sse-connection.ts';
import { SnapshotCache } from './snapshot-cache.ts';
import { StreamQuery } from './live-stream.request.ts';

const replayPageSize = 5000;
const eventIdPattern = /^\d{1,15}$/;
const maxTimer = 2 ** 31 - 1;

interface Opening {
  readonly stream: SseConnection;
  readonly lastEventId: string | undefined;
  readonly snapshot: (seq: number) => Promise<string>;
}

/** The live stream of a scope: a snapshot, then every change in it, resumable by Last-Event-ID. */
@ApiTags('stream')
@Controller('api')
export class LiveStreamController {
  readonly #snapshots = new SnapshotCache();
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
  async stream(
    @Query() query: StreamQuery,
    @Asking() asker: Asker,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const period = requirePeriod(query.period);
    const unit = await this.summaries.unit(asker, query.scope, period, 'scope');
    const roots = await new ReplicaScopeTree(this.pool).scopeRootsIn(
      unit.code,
      await this.#treeOf(period.lastDay, unit.treeVersion),
    );
    // Asked before the stream opens, so a KPI outage is still a problem+json answer.
    const summaryOf = await this.summaries.builder(asker);
    const filter = {
      roots: new Set([unit.code, ...roots.map((r) => r.path.at(-1) ?? '')]),
      period: period.key,
    };
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const stream = new SseConnection(res, filter, this.config.maxQueuedFrames);
    this.hub.add(stream);
    const expiry = this.#endWhenExpired(stream, asker.authorization);
    const forget = (): void => {
      this.hub.remove(stream);
      clearTimeout(expiry);
    };
    res.on('close', forget);
    // A client gone during the checks above closed before the listener existed: forget it now.
    if (res.destroyed) {
      forget();
      return;
    }
    const lastEventId = request.headers['last-event-id'];
    const key = `${unit.treeVersion}|${unit.code}|${period.key}`;
    await this.#open({
      stream,
      lastEventId: typeof lastEventId === 'string' ? lastEventId : undefined,
      snapshot: (seq) => this.#snapshots.text(key, seq, () => summaryOf(unit, period)),
    }).catch(() => stream.end('shutting-down'));
  }

  /** Replays what was missed when the log still has all of it; else says so and sends a snapshot. */
  async #open({ stream, lastEventId, snapshot }: Opening): Promise<void> {
    if (lastEventId !== undefined) {
      const seq = eventIdPattern.test(lastEventId) ? Number(lastEventId) : Number.NaN;
      if (Number.isSafeInteger(seq) && (await this.hub.canResume(seq))) {
        stream.goLive(await this.#replay(stream, seq));
        return;
      }
      const reason =
        Number.isSafeInteger(seq) && seq <= this.hub.last ? 'beyond-retention' : 'unknown-event-id';
      stream.write(`event: reset\ndata: ${JSON.stringify({ reason })}\n\n`);
    }
    const upTo = this.hub.last;
    stream.write(`id: ${upTo}\nevent: snapshot\ndata: ${await snapshot(upTo)}\n\n`);
    stream.goLive(upTo);
  }

  /** The scope's changes after `after` up to what the hub has handed out; live ones are held meanwhile. */
  async #replay(stream: SseConnection, after: number): Promise<number> {
    const upTo = this.hub.last;
    const window = { upTo, roots: [...stream.filter.roots], period: stream.filter.period };
    for (let from = after; ;) {
      const page = await replayPage(this.pool, { ...window, after: from }, replayPageSize);
      for (const change of page) stream.write(frameOf(change).text);
      if (page.length < replayPageSize) return upTo;
      from = page.at(-1)?.seq ?? upTo;
    }
  }

  async #treeOf(day: string, fallback: string): Promise<string> {
    const { rows } = await this.pool.query<{ tree_version: string }>(
      'SELECT tree_version FROM replica_unit_trees WHERE effective_from <= $1::date ORDER BY effective_from DESC LIMIT 1',
      [day],
    );
    return rows[0]?.tree_version ?? fallback;
  }

  /** A token that expires while connected ends the stream, saying so: the client signs in again. */
  #endWhenExpired(stream: SseConnection, authorization: string): NodeJS.Timeout | undefined {
    const exp = decodeJwt(authorization.replace(/^Bearer\s+/i, '')).exp;
    if (exp === undefined) return undefined;
    const ms = Math.min(Math.max(exp * 1000 - Date.now(), 0), maxTimer);
    return setTimeout(() => stream.end('token-expired'), ms).unref();
  }
}
