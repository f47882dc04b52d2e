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
    description: 'The period the snapshot shows and the changes are of; the current year when left out.',
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
