import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

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
