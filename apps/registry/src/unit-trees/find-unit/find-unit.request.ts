import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AsOfDto } from '../units/index.ts';

export class FindUnitDto extends AsOfDto {
  @ApiProperty({
    example: 'P. Tân Lập',
    description:
      'Part of a unit name, with or without diacritics, optionally led by its type or an ' +
      'abbreviation (P., X., TT., TX., TP., Q., H.), initials (bmt), or a name from before a merger.',
  })
  @IsString()
  @MaxLength(100)
  @Matches(/[\p{L}\p{N}]/u, { message: 'q must contain a letter or a digit' })
  q!: string;

  @ApiPropertyOptional({ default: 10, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 10;
}
