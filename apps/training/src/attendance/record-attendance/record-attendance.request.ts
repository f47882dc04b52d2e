import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { unitCodePattern } from '@nhip/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsUUID, Matches } from 'class-validator';

const bridgePointRule = {
  message: 'bridgePoint must be the unit code of one of the session’s bridge points',
};

export class AttendanceDto {
  @ApiProperty()
  @IsUUID()
  memberId!: string;

  @ApiPropertyOptional({ example: '24172', description: 'The bridge point attended at (online sessions).' })
  @IsOptional()
  @Matches(unitCodePattern, bridgePointRule)
  bridgePoint?: string;
}

/** A whole list from one bridge point (or from the session's place). */
export class AttendanceListDto {
  @ApiPropertyOptional({ example: '24172' })
  @IsOptional()
  @Matches(unitCodePattern, bridgePointRule)
  bridgePoint?: string;

  @ApiProperty({ type: [String], description: 'Member ids; at most 20,000 per list.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20_000)
  @IsUUID(undefined, { each: true, message: 'each member id must be a UUID' })
  memberIds!: string[];
}
