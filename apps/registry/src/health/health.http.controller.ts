import { answerSchema } from '@nhip/contracts';
import { ApiOkResponse } from '@nestjs/swagger';
import { Controller, Get } from '@nestjs/common';
import { Public } from '@nhip/auth';

@Public()
@Controller('health')
export class HealthController {
  @Get()
  @ApiOkResponse({ description: 'Alive.', schema: answerSchema('RegistryHealth') })
  health(): { status: 'ok'; service: 'registry' } {
    return { status: 'ok', service: 'registry' };
  }
}
