import { answerSchema } from '@nhip/contracts';
import { ApiOkResponse } from '@nestjs/swagger';
import { Controller, Get, Inject } from '@nestjs/common';
import { Public } from '@nhip/auth';
import { InputLag } from './input-lag.ts';

@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(InputLag) private readonly inputs: InputLag) {}

  /** Also says how far the inputs are behind: indicators are as fresh as the lag is short. */
  @Get()
  @ApiOkResponse({ description: 'Alive.', schema: answerSchema('KpiHealth') })
  async health(): Promise<{ status: 'ok'; service: 'kpi'; inputLag: string }> {
    // While the broker is away the lag cannot be read; the service itself is still alive.
    const inputLag = await this.inputs.lag().then(String, () => 'unknown');
    return { status: 'ok', service: 'kpi', inputLag };
  }
}
