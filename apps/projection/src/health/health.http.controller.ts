import { answerSchema } from '@nhip/contracts';
import { ApiOkResponse } from '@nestjs/swagger';
import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '@nhip/auth';
import { ChangeHub } from '../stream/live-stream/index.ts';
import { InputLag } from './input-lag.ts';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(InputLag) private readonly inputs: InputLag,
    @Inject(ChangeHub) private readonly hub: ChangeHub,
  ) {}

  /** Also how far the inputs are behind (the streams are as fresh as that) and how many streams are open. */
  @Get()
  @ApiOkResponse({ description: 'Alive.', schema: answerSchema('ProjectionHealth') })
  async health(): Promise<{ status: 'ok'; service: 'projection'; inputLag: string; streams: number }> {
    // While the broker is away the lag cannot be read; the service itself is still alive.
    const inputLag = await this.inputs.lag().then(String, () => 'unknown');
    return { status: 'ok', service: 'projection', inputLag, streams: this.hub.size };
  }
}
