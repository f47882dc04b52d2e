import { ApiProperty } from '@nestjs/swagger';
import { vietnamesePhonePattern } from '@nhip/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches } from 'class-validator';

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

/** Phone numbers to find members by (a completion list's, say), and why: every match is audited. */
export class MemberLookupDto {
  @ApiProperty({ example: ['0912345678', '+84987654321'], description: 'At most 20,000 numbers per call.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20_000)
  @Matches(vietnamesePhonePattern, {
    each: true,
    message: 'each phone must be a Vietnamese number, e.g. 0912345678 or +84912345678',
  })
  phones!: string[];

  @ApiProperty({ example: 'nhập danh sách hoàn thành khóa học' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
