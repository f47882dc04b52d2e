// The registry's own rules for these queries, checked here too so a bad one is answered with the
// field at fault before it travels, and the OpenAPI document shows what the routes take.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { calendarDayPattern } from '@nhip/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AsOfQuery {
  @ApiPropertyOptional({
    example: '2025-07-01',
    description: 'The tree in force on this date (default today).',
  })
  @IsOptional()
  @Matches(calendarDayPattern, { message: 'asOf must be a calendar date, YYYY-MM-DD' })
  asOf?: string;
}

export class UnitSearchQuery extends AsOfQuery {
  @ApiProperty({ example: 'Hòa Phú', description: 'Part of a unit name, as the registry’s search takes it.' })
  @IsString({ message: 'q must be part of a unit name' })
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  @Matches(/[\p{L}\p{N}]/u, { message: 'q must contain a letter or a digit' })
  q!: string;

  @ApiPropertyOptional({ default: 10, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 50' })
  @Min(1, { message: 'limit must be a whole number from 1 to 50' })
  @Max(50, { message: 'limit must be a whole number from 1 to 50' })
  limit?: number;
}
