import { Controller, Get } from '@nestjs/common';
import { Public } from '@nhip/auth';

@Public()
@Controller('health')
export class HealthController {
  @Get()
  health(): { status: 'ok'; service: 'registry' } {
    return { status: 'ok', service: 'registry' };
  }
}
