import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { activityKinds, maxResidentsPerActivity, type ActivityKind } from '@nhip/contracts';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class CorrectionDto {
  @ApiPropertyOptional({ enum: Object.keys(activityKinds) })
  @IsOptional()
  @IsIn(Object.keys(activityKinds))
  kind?: ActivityKind;

  @ApiPropertyOptional({ minimum: 1, maximum: maxResidentsPerActivity })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(maxResidentsPerActivity)
  residentsHelped?: number;

  @ApiProperty({ example: 'Nhập nhầm số người' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class VoidDto {
  @ApiProperty({ example: 'Báo cáo trùng' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
