import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { unitCodePattern } from '@nhip/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

const code = { message: 'must be a unit code, such as 24328-002' };

/** Which village of the commune a village the plan left became: a person's call (ADR 0070). */
export class VillageLinkDto {
  @ApiProperty({ example: '24292-001', description: 'A village of a commune this one replaced.' })
  @Matches(unitCodePattern, code)
  from!: string;

  @ApiProperty({ example: '24328-005', description: 'The village of this commune it became.' })
  @Matches(unitCodePattern, code)
  to!: string;
}

export class CarryOverDto {
  @ApiProperty({
    example: 'Sắp xếp đơn vị hành chính cấp xã từ ngày 01/7/2025',
    description: 'Why the teams move: recorded on each team’s move.',
  })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({
    type: [VillageLinkDto],
    description:
      'For villages the plan leaves (a divided commune’s, or two of one name): the village of this commune each became. Its teams move there and it stops counting where it was.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => VillageLinkDto)
  villages?: VillageLinkDto[];
}
