import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { calendarDayPattern, teamStatuses, teamTypes, unitCodePattern } from '@nhip/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

export class TeamSearchDto {
  @ApiProperty({ example: '24172', description: 'Teams serving this unit or any unit under it.' })
  @Matches(unitCodePattern, {
    message: 'unit must be an official unit code (e.g. 24172) or a village code (e.g. 24172-001)',
  })
  unit!: string;

  @ApiPropertyOptional({ enum: Object.keys(teamTypes) })
  @IsOptional()
  @IsIn(Object.keys(teamTypes))
  type?: string;

  @ApiPropertyOptional({ enum: teamStatuses })
  @IsOptional()
  @IsIn(teamStatuses)
  status?: string;

  @ApiPropertyOptional({
    example: '2025-03-01',
    description: 'Which tree: the one in force on this date (default today).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(calendarDayPattern, { message: 'asOf must be a calendar date, YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = 50;
}
