import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class RegisterMemberDto {
  @ApiProperty({ example: 'Nguyễn Thị Lan' })
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @Matches(/^(\+84|0)\d{9,10}$/, {
    message: 'phone must be a Vietnamese number, e.g. 0912345678 or +84912345678',
  })
  phone?: string;

  @ApiPropertyOptional({ example: 1968 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2020)
  birthYear?: number;
}
