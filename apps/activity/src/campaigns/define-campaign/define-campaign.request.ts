import { IsChosenId } from '@nhip/service-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { activityKinds, calendarDayPattern, unitCodePattern, type ActivityKind } from '@nhip/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

export class CampaignTargetDto {
  @ApiPropertyOptional({
    enum: Object.keys(activityKinds),
    description: 'Counts only this kind; all kinds when absent.',
  })
  @IsOptional()
  @IsIn(Object.keys(activityKinds))
  kind?: ActivityKind;

  @ApiProperty({ example: 2000 })
  @IsInt()
  @Min(1)
  residents!: number;
}

export class DefineCampaignDto {
  @ApiProperty({ description: 'Chosen by the client; a retry with the same id is recorded once.' })
  @IsChosenId()
  campaignId!: string;

  @ApiProperty({ example: 'Mỗi đêm 1 giờ' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '2026-11-01' })
  @IsISO8601({ strict: true })
  @Matches(calendarDayPattern, { message: 'startsOn must be a calendar date, YYYY-MM-DD' })
  startsOn!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsISO8601({ strict: true })
  @Matches(calendarDayPattern, { message: 'endsOn must be a calendar date, YYYY-MM-DD' })
  endsOn!: string;

  @ApiProperty({ example: ['24175', '24343'], description: 'Units covered, with everything under them.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @Matches(unitCodePattern, {
    each: true,
    message: 'each unit code must be an official or village code',
  })
  unitCodes!: string[];

  @ApiPropertyOptional({ type: CampaignTargetDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CampaignTargetDto)
  target?: CampaignTargetDto;
}
