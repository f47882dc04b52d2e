import { ApiPropertyOptional } from '@nestjs/swagger';
import { unitCodePattern } from '@nhip/contracts';
import { IsOptional, IsUUID, Matches } from 'class-validator';

export class SessionSearchDto {
  @ApiPropertyOptional({ description: 'Sessions of this course only.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'courseId must be a UUID' })
  courseId?: string;

  @ApiPropertyOptional({
    example: '24175',
    description: 'Sessions organised in this unit or its subtree, or with a bridge point there.',
  })
  @IsOptional()
  @Matches(unitCodePattern, { message: 'unit must be a unit code (e.g. 24175) or a village code' })
  unit?: string;
}
