import { ApiProperty } from '@nestjs/swagger';
import { storedPeriodPattern, storedPeriodRule, unitCodePattern, unitCodeRule } from '@nhip/contracts';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';

/** "Chỉ tiêu được giao": what a higher unit assigns a lower one for a period. */
export class AssignTargetDto {
  @ApiProperty({ example: '20207', description: 'The unit the target is assigned to.' })
  @Matches(unitCodePattern, { message: `unitCode ${unitCodeRule}` })
  unitCode!: string;

  @ApiProperty({ example: 'vneid_vs_target', description: 'An indicator measured against a target.' })
  @IsString()
  @Length(1, 100)
  indicatorId!: string;

  @ApiProperty({
    example: '2024',
    description: 'A day, month, quarter or year; a year to date reads its year’s target.',
  })
  @Matches(storedPeriodPattern, { message: `period ${storedPeriodRule}` })
  period!: string;

  @ApiProperty({ example: 9950 })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  value!: number;

  @ApiProperty({ example: '48', description: 'The higher unit that assigned it, on the unit’s path.' })
  @Matches(unitCodePattern, { message: `assignedBy ${unitCodeRule}` })
  assignedBy!: string;
}
