import { answerSchema } from '@nhip/contracts';
import { ApiOkResponse } from '@nestjs/swagger';
import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '@nhip/auth';
import { ReplicaLag } from '../registry-replica/follow-registry/index.ts';

@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(ReplicaLag) private readonly replica: ReplicaLag) {}

  /** Also says how far the registry replica is behind: reports of brand-new teams wait on it. */
  @Get()
  @ApiOkResponse({ description: 'Alive.', schema: answerSchema('ActivityHealth') })
  async health(): Promise<{ status: 'ok'; service: 'activity'; replicaLag: string }> {
    // While the broker is away the lag cannot be read; the service itself is still alive.
    const replicaLag = await this.replica.lag().then(String, () => 'unknown');
    return { status: 'ok', service: 'activity', replicaLag };
  }
}
