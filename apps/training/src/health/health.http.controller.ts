import { answerSchema } from '@nhip/contracts';
import { ApiOkResponse } from '@nestjs/swagger';
import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '@nhip/auth';
import { ReplicaLag } from '../registry-replica/follow-registry/index.ts';

@Controller('health')
export class HealthController {
  constructor(@Inject(ReplicaLag) private readonly replica: ReplicaLag) {}

  /** Also says how far the registry replica is behind: attendance of members of brand-new teams waits on it. */
  @Get()
  @ApiOkResponse({ description: 'Alive.', schema: answerSchema('TrainingHealth') })
  @Public()
  async health(): Promise<{ status: 'ok'; service: 'training'; replicaLag: string }> {
    // While the broker is away the lag cannot be read; the service itself is still alive.
    const replicaLag = await this.replica.lag().then(String, () => 'unknown');
    return { status: 'ok', service: 'training', replicaLag };
  }
}
