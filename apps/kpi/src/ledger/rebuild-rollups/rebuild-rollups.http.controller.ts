import { answerSchema } from '@nhip/contracts';
import { Controller, HttpCode, Inject, Logger, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nhip/auth';
import { ProblemError, problemType } from '@nhip/service-http';
import pg from 'pg';
import { rebuildRollups, type RebuildOutcome } from '../rebuild.ts';

// At national scale the request runs for minutes: each step goes to the service's log as it is done
// (ledger read, each partition folded, cells written, keyed, analyzed, checked, switched or kept).
const rebuildLog = new Logger('rebuild');

/**
 * Rebuilds the rollup cells from the full ledger into a fresh table and switches to it when it
 * equals the live one (ADR 0028). An administrator's lever: writers wait while it runs.
 */
@ApiTags('rebuild')
@Controller('rebuilds')
export class RebuildRollupsController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Post()
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'Rebuilt, checked equal and switched.',
    schema: answerSchema('RebuildOutcome'),
  })
  async rebuild(): Promise<RebuildOutcome> {
    const outcome = await rebuildRollups(this.pool, (progress) =>
      rebuildLog.log(progress, 'rebuild progress'),
    );
    if (outcome.switched) return outcome;
    throw new ProblemError({
      type: problemType('rebuild-differs'),
      title: 'The rebuilt state differs from the live state',
      status: 409,
      detail: `The rebuild from ${outcome.deltas} ledger rows differs from the live cells; the live cells stay in use.`,
      errors: outcome.mismatches.map((m) => ({
        field: `${m.unit}/${m.metric}/${m.period}`,
        reason: `rebuilt ${m.ledger}, live ${m.rollup}`,
      })),
    });
  }
}
