import { answerSchema } from '@nhip/contracts';
import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { ProblemError, problemType, requestContext, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import { erasePersonalData, readPersonalData } from './personal-data.handler.ts';
import {
  memberPlacements,
  membersPlacements,
  personalDataAudit,
  type AuditEntry,
  type PersonalDataView,
} from './personal-data.queries.ts';
import { lookUpMembers, type LookupResult } from './member-lookup.handler.ts';
import { ErasureDto, MemberLookupDto, ReadReasonDto } from './personal-data.request.ts';

type Headers_ = Record<string, string | undefined>;

/**
 * A member's personal data: the only endpoints that show names and phones. Only the commune officer
 * of a team the member is in, and admin, read or erase them, each time with a reason, audited.
 */
@ApiTags('members')
@Controller('members')
export class PersonalDataController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':memberId/personal-data')
  @ApiOkResponse({
    description: 'Name, phone and birth year; blank once erased.',
    schema: answerSchema('PersonalData'),
  })
  @Roles('commune-officer', 'admin')
  async personalData(
    @Param('memberId') memberId: string,
    @Query() query: ReadReasonDto,
    @Headers() headers: Headers_,
    @Caller() caller: Principal,
  ): Promise<PersonalDataView> {
    const id = await this.#memberInScope(caller, memberId);
    return readPersonalData(this.pool, id, query.reason, requestContext(headers, caller));
  }

  @Post(':memberId/erasure')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Blanked, and since when.', schema: answerSchema('PersonalData') })
  @Roles('commune-officer', 'admin')
  async erase(
    @Param('memberId') memberId: string,
    @Body() body: ErasureDto,
    @Headers() headers: Headers_,
    @Caller() caller: Principal,
  ): Promise<PersonalDataView> {
    const id = await this.#memberInScope(caller, memberId);
    return erasePersonalData(this.pool, id, body.reason, requestContext(headers, caller));
  }

  /**
   * Member ids for phone numbers (0… or +84…), in the order given: null when no member of the
   * caller's area or several have the number. Names and numbers never leave; each member found is
   * audited with the reason. Whoever records training attendance may look up the members of its
   * area's teams (ids only: an OC sees no name or number); admin anyone.
   */
  @Post('lookups')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'A member id or why not, per number.',
    schema: answerSchema('MemberLookups'),
  })
  @Roles('commune-officer', 'district-oc', 'ioc-operator', 'admin')
  lookUp(
    @Body() body: MemberLookupDto,
    @Headers() headers: Headers_,
    @Caller() caller: Principal,
  ): Promise<{ results: LookupResult[] }> {
    return lookUpMembers(this.pool, {
      phones: body.phones,
      reason: body.reason.normalize('NFC').trim(),
      ctx: requestContext(headers, caller),
      within: (ids) => this.#membersInScope(caller, ids),
    });
  }

  /** Who read or erased what, when and why: itself personal data about the officers, so admin only. */
  @Get(':memberId/personal-data/audit')
  @Roles('admin')
  @ApiOkResponse({ description: 'Oldest first.', schema: answerSchema('PersonalDataAudit') })
  audit(@Param('memberId') memberId: string): Promise<AuditEntry[]> {
    return personalDataAudit(this.pool, requireUuid(memberId, 'memberId'));
  }

  /** Of these members, those in a team of the caller's area. */
  async #membersInScope(caller: Principal, memberIds: readonly string[]): Promise<Set<string>> {
    // Admin finds anyone, members in no team included.
    if (caller.unit === undefined) return new Set(memberIds);
    const placements = await membersPlacements(this.pool, memberIds);
    const inside = await this.scope.insideAll(caller, placements);
    return new Set(placements.filter((_, i) => inside[i]).map((p) => p.memberId));
  }

  async #memberInScope(caller: Principal, memberId: string): Promise<string> {
    const id = requireUuid(memberId, 'memberId');
    if (caller.unit === undefined) return id;
    for (const placement of await memberPlacements(this.pool, id)) {
      if ((await this.scope.relationOf(caller, placement)) === 'inside') return id;
    }
    throw new ProblemError({
      type: problemType('member-outside-scope'),
      title: 'Outside your area',
      status: 403,
      detail: `Member ${id} is in no team of your area (unit ${caller.unit} and below).`,
      errors: [{ field: 'memberId', reason: `not in a team under ${caller.unit}` }],
    });
  }
}
