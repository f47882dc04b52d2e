import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CarryOverDto {
  @ApiProperty({
    example: 'Sắp xếp đơn vị hành chính cấp xã từ ngày 01/7/2025',
    description: 'Why the teams move: recorded on each team’s move.',
  })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
