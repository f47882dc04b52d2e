import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { unitCodePattern, unitCodeRule } from '@nhip/contracts';
import { periodPattern, periodRule } from '../../periods/period.ts';

export class StreamQuery {
  @ApiProperty({ example: '66', description: 'The unit whose subtree the stream carries.' })
  @Matches(unitCodePattern, { message: `scope ${unitCodeRule}` })
  scope!: string;

  @ApiPropertyOptional({
    example: '2025',
    description:
      'The period the snapshot shows; the current year when left out. A day, month, quarter or year carries its own changes. A year to date (2025-to-06) is never published: its stream carries the changes of the year, and of the quarters, months and days it is summed from; a client asks its figures again when one comes.',
  })
  @IsOptional()
  @Matches(periodPattern, { message: `period ${periodRule}` })
  period?: string;

  @ApiPropertyOptional({
    description: 'The bearer token, for a browser EventSource, which cannot set headers.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(8192)
  access_token?: string;
}
