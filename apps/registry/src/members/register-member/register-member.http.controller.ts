import { answerSchema } from '@nhip/contracts';
import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { Caller, Roles, type Principal } from '@nhip/auth';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { registerMember } from './register-member.handler.ts';
import { RegisterMemberDto } from './register-member.request.ts';
import { requestContext } from '@nhip/service-http';

/** Registers a person: answers with their pseudonymous id, the only thing teams and events carry. */
@ApiTags('members')
@Controller('members')
export class RegisterMemberController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Post()
  @HttpCode(201)
  @ApiResponse({ status: 201, description: 'The member’s id.', schema: answerSchema('MemberRegistered') })
  @Roles('commune-officer', 'admin')
  register(
    @Body() body: RegisterMemberDto,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ): Promise<{ memberId: string }> {
    const data = {
      fullName: body.fullName.normalize('NFC').trim(),
      phone: body.phone ?? null,
      birthYear: body.birthYear ?? null,
    };
    return registerMember(this.pool, data, requestContext(headers, caller));
  }
}
