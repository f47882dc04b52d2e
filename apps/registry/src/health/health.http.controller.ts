import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  @Get()
  health(): { status: 'ok'; service: 'registry' } {
    return { status: 'ok', service: 'registry' };
  }
}
