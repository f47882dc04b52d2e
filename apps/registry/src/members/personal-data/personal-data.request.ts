import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ErasureDto {
  @ApiProperty({ example: 'Yêu cầu của chủ thể dữ liệu ngày 20/11/2026' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
