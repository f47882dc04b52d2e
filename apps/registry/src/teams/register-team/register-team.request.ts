import { IsChosenId } from '@nhip/service-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { calendarDayPattern, teamTypes, unitCodePattern, type TeamType } from '@nhip/contracts';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

export class DecisionDto {
  @ApiProperty({ example: '125/QĐ-UBND' })
  @IsString()
  @Length(1, 60)
  number!: string;

  @ApiProperty({ example: '2022-04-15', description: 'Not after today.' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(calendarDayPattern, { message: 'date must be a calendar date, YYYY-MM-DD' })
  date!: string;
}

export class RegisterTeamDto {
  @ApiPropertyOptional({ description: 'Chosen by the client to make retries safe; generated otherwise.' })
  @IsOptional()
  @IsChosenId()
  teamId?: string;

  @ApiProperty({ example: 'Tổ công nghệ số cộng đồng thôn 1' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: Object.keys(teamTypes) })
  @IsIn(Object.keys(teamTypes))
  teamType!: TeamType;

  @ApiProperty({ example: '24172-001', description: 'The unit the team serves, in the tree in force today.' })
  @Matches(unitCodePattern, {
    message: 'unitCode must be an official unit code (e.g. 24172) or a village code (e.g. 24172-001)',
  })
  unitCode!: string;

  @ApiProperty({ type: DecisionDto })
  @IsDefined({ message: 'decision (number and date) is required' })
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionDto)
  decision!: DecisionDto;
}
