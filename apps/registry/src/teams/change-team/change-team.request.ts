import { ApiProperty } from '@nestjs/swagger';
import { affiliations, memberRoles, type Affiliation, type MemberRole } from '@nhip/contracts';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';

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
