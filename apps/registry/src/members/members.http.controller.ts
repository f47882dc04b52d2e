import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { ErasureDto, RegisterMemberDto } from './member.request.dto.ts';
import {
  erasePersonalData,
  personalDataAudit,
  readPersonalData,
  registerMember,
  type PersonalDataView,
} from './personal-data.ts';
import { requestContext, requireUuid } from '@nhip/service-http';

type Headers_ = Record<string, string | undefined>;

/** Members: the only endpoints that see names and phones, each access audited. */
@ApiTags('members')
@Controller('members')
export class MembersController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Post()
  @HttpCode(201)
  register(@Body() body: RegisterMemberDto, @Headers() headers: Headers_): Promise<{ memberId: string }> {
    const data = {
      fullName: body.fullName.normalize('NFC').trim(),
      phone: body.phone ?? null,
      birthYear: body.birthYear ?? null,
    };
    return registerMember(this.pool, data, requestContext(headers));
  }

  @Get(':memberId/personal-data')
  personalData(@Param('memberId') memberId: string, @Headers() headers: Headers_): Promise<PersonalDataView> {
    return readPersonalData(this.pool, requireUuid(memberId, 'memberId'), requestContext(headers));
  }

  @Post(':memberId/erasure')
  @HttpCode(200)
  erase(
    @Param('memberId') memberId: string,
    @Body() body: ErasureDto,
    @Headers() headers: Headers_,
  ): Promise<PersonalDataView> {
    return erasePersonalData(
      this.pool,
      requireUuid(memberId, 'memberId'),
      body.reason,
      requestContext(headers),
    );
  }

  @Get(':memberId/personal-data/audit')
  audit(@Param('memberId') memberId: string) {
    return personalDataAudit(this.pool, requireUuid(memberId, 'memberId'));
  }
}
