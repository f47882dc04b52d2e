import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  affiliations,
  memberRoles,
  teamStatuses,
  teamTypes,
  type Affiliation,
  type MemberRole,
  type TeamType,
} from '@nhip/contracts';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const unitCodePattern = /^\d{2,5}(-\d{3})?$/;
const unitCodeMessage = 'must be an official unit code (e.g. 24172) or a village code (e.g. 24172-001)';

export class DecisionDto {
  @ApiProperty({ example: '125/QĐ-UBND' })
  @IsString()
  @Length(1, 60)
  number!: string;

  @ApiProperty({ example: '2022-04-15', description: 'Not after today.' })
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a calendar date, YYYY-MM-DD' })
  date!: string;
}

export class RegisterTeamDto {
  @ApiPropertyOptional({ description: 'Chosen by the client to make retries safe; generated otherwise.' })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @ApiProperty({ example: 'Tổ công nghệ số cộng đồng thôn 1' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: Object.keys(teamTypes) })
  @IsIn(Object.keys(teamTypes))
  teamType!: TeamType;

  @ApiProperty({ example: '24172-001', description: 'The unit the team serves, in the tree in force today.' })
  @Matches(unitCodePattern, { message: `unitCode ${unitCodeMessage}` })
  unitCode!: string;

  @ApiProperty({ type: DecisionDto })
  @IsDefined({ message: 'decision (number and date) is required' })
  @IsObject()
  @ValidateNested()
  @Type(() => DecisionDto)
  decision!: DecisionDto;
}

export class RenameTeamDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class AssignLeaderDto {
  @ApiProperty()
  @IsUUID()
  memberId!: string;
}

export class AddMemberDto {
  @ApiProperty()
  @IsUUID()
  memberId!: string;

  @ApiProperty({ enum: Object.keys(memberRoles) })
  @IsIn(Object.keys(memberRoles))
  role!: MemberRole;

  @ApiProperty({ enum: Object.keys(affiliations) })
  @IsIn(Object.keys(affiliations))
  affiliation!: Affiliation;
}

export class ReasonDto {
  @ApiProperty({ example: 'Kiện toàn lại tổ' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class TeamSearchDto {
  @ApiProperty({ example: '24172', description: 'Teams serving this unit or any unit under it.' })
  @Matches(unitCodePattern, { message: `unit ${unitCodeMessage}` })
  unit!: string;

  @ApiPropertyOptional({ enum: Object.keys(teamTypes) })
  @IsOptional()
  @IsIn(Object.keys(teamTypes))
  type?: string;

  @ApiPropertyOptional({ enum: teamStatuses })
  @IsOptional()
  @IsIn(teamStatuses)
  status?: string;

  @ApiPropertyOptional({
    example: '2025-03-01',
    description: 'Which tree: the one in force on this date (default today).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a calendar date, YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = 50;
}
