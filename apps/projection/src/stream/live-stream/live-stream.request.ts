import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { unitCodePattern, unitCodeRule } from '@nhip/contracts';
import { storedPeriodPattern, storedPeriodRule } from '../../periods/period.ts';

export class StreamQuery {
  @ApiProperty({ example: '66', description: 'The unit whose subtree the stream carries.' })
  @Matches(unitCodePattern, { message: `scope ${unitCodeRule}` })
  scope!: string;

  @ApiPropertyOptional({
    example: '2025',
    description:
      'The period the snapshot shows and the changes are of; the current year when left out. A day, month, quarter or year: a year to date is never published (a view of one follows its year’s changes).',
  })
  @IsOptional()
  @Matches(storedPeriodPattern, { message: `period ${storedPeriodRule}` })
  period?: string;

  @ApiPropertyOptional({
    description: 'The bearer token, for a browser EventSource, which cannot set headers.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(8192)
  access_token?: string;
}
