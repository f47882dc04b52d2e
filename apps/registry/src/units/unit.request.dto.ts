import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';

export class AsOfDto {
  @ApiPropertyOptional({
    example: '2025-03-01',
    description: 'The tree in force on this date (default today).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a calendar date, YYYY-MM-DD' })
  asOf?: string;
}

export class RegisterVillageDto {
  @ApiProperty({ example: 'Thôn 1' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    example: 'Thôn',
    description: 'Thôn, Buôn, Ấp, Bản, Làng, Xóm, Khu phố, Tổ dân phố, Khu dân cư…',
  })
  @IsString()
  @Length(1, 40)
  type!: string;
}
