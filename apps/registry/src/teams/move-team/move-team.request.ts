import { ApiProperty } from '@nestjs/swagger';
import { unitCodePattern } from '@nhip/contracts';
import { IsString, Length, Matches } from 'class-validator';

export class MoveTeamDto {
  @ApiProperty({
    example: '24175',
    description:
      'The unit the team serves from now on, in the tree in force today: the commune that replaced its own (or a village of it), or another village of its commune.',
  })
  @Matches(unitCodePattern, {
    message: 'unitCode must be an official unit code (e.g. 24175) or a village code (e.g. 24175-001)',
  })
  unitCode!: string;

  @ApiProperty({ example: 'Sắp xếp đơn vị hành chính cấp xã từ ngày 01/7/2025' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
