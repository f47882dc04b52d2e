import { IsChosenId } from '@nhip/service-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { sessionModes, unitCodePattern, type SessionMode } from '@nhip/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

const unitCode = (field: string) =>
  Matches(unitCodePattern, { message: `${field} must be an official unit code or a village code` });
// An instant with its offset: a session's day is a Vietnamese day, whatever the server's zone.
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export class BridgePointDto {
  @ApiProperty({ example: '24172', description: 'The unit connected (điểm cầu).' })
  @unitCode('unitCode')
  unitCode!: string;

  @ApiPropertyOptional({
    example: '24172',
    description: 'The unit hosting the point; the point itself when absent.',
  })
  @IsOptional()
  @unitCode('hostUnitCode')
  hostUnitCode?: string;
}

export class PlanSessionDto {
  @ApiPropertyOptional({ description: 'Chosen by the client; derived from the Idempotency-Key when absent.' })
  @IsOptional()
  @IsChosenId()
  sessionId?: string;

  @ApiProperty()
  @IsUUID()
  courseId!: string;

  @ApiProperty({ example: '66', description: 'The organising unit.' })
  @unitCode('unitCode')
  unitCode!: string;

  @ApiProperty({ enum: Object.keys(sessionModes), example: 'online' })
  @IsIn(Object.keys(sessionModes))
  mode!: SessionMode;

  @ApiPropertyOptional({ example: 'Hội trường UBND xã Hòa Phú' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  @Matches(/\S/, { message: 'place must not be blank' })
  place?: string;

  @ApiProperty({ example: '2022-09-19T08:00:00+07:00' })
  @IsISO8601({ strict: true })
  @Matches(withOffset, {
    message: 'startsAt must be a full instant with its offset, e.g. 2022-09-19T08:00:00+07:00',
  })
  startsAt!: string;

  @ApiProperty({ example: '2022-09-19T11:30:00+07:00' })
  @IsISO8601({ strict: true })
  @Matches(withOffset, {
    message: 'endsAt must be a full instant with its offset, e.g. 2022-09-19T08:00:00+07:00',
  })
  endsAt!: string;

  @ApiPropertyOptional({ type: [BridgePointDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => BridgePointDto)
  bridgePoints?: BridgePointDto[];
}
