import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ErasureDto {
  @ApiProperty({ example: 'Yêu cầu của chủ thể dữ liệu ngày 20/11/2026' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** Why the personal data is read: kept in the audit with who and when (Law 91/2025). */
export class ReadReasonDto {
  @ApiProperty({ example: 'Liên hệ tập huấn ngày 20/11/2026' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
