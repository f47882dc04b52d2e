import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { erasePersonalData, readPersonalData } from './personal-data.handler.ts';
import { personalDataAudit, type AuditEntry, type PersonalDataView } from './personal-data.queries.ts';
import { lookUpMembers, type LookupResult } from './member-lookup.handler.ts';
import { ErasureDto, MemberLookupDto } from './personal-data.request.ts';
import { requestContext, requireUuid } from '@nhip/service-http';

type Headers_ = Record<string, string | undefined>;

/** A member's personal data: the only endpoints that show names and phones, each access audited. */
@ApiTags('members')
@Controller('members')
export class PersonalDataController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

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

  /**
   * Member ids for phone numbers (0… or +84…), in the order given: null when no member or several
   * have the number. Names and numbers never leave; each member found is audited with the reason.
   */
  @Post('lookups')
  @HttpCode(200)
  lookUp(@Body() body: MemberLookupDto, @Headers() headers: Headers_): Promise<{ results: LookupResult[] }> {
    return lookUpMembers(
      this.pool,
      body.phones,
      body.reason.normalize('NFC').trim(),
      requestContext(headers),
    );
  }

  @Get(':memberId/personal-data/audit')
  audit(@Param('memberId') memberId: string): Promise<AuditEntry[]> {
    return personalDataAudit(this.pool, requireUuid(memberId, 'memberId'));
  }
}
