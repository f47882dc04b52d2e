import { ApiPropertyOptional } from '@nestjs/swagger';
import { calendarDayPattern } from '@nhip/contracts';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

export class AsOfDto {
  @ApiPropertyOptional({
    example: '2025-03-01',
    description: 'The tree in force on this date (default today).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(calendarDayPattern, { message: 'asOf must be a calendar date, YYYY-MM-DD' })
  asOf?: string;
}
