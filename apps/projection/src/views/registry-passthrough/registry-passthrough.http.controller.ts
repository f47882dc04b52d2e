import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { anyRole, Roles } from '@nhip/auth';
import { Asking, type Asker } from '../asker.ts';
import { RegistryClient } from './registry-client.ts';
import { AsOfQuery, UnitSearchQuery } from './registry-passthrough.request.ts';

const query = (values: Record<string, string | number | undefined>): string => {
  const defined = Object.entries(values).flatMap(([k, v]): [string, string][] =>
    v === undefined ? [] : [[k, String(v)]],
  );
  return defined.length === 0 ? '' : `?${new URLSearchParams(defined).toString()}`;
};

/**
 * Just the registry reads the dashboard makes (its search box, its breadcrumbs, and the teams still
 * to move in after a reform, with those waiting for a person), so the dashboard talks to one
 * origin. The unit trees are public reference data to every signed-in role (ADR 0022); a unit's
 * coverage and carry-overs are not, and the registry checks the token and the caller's area again
 * for each, as it would if asked directly.
 */
@ApiTags('units')
@Controller('registry/units')
export class RegistryPassthroughController {
  constructor(@Inject(RegistryClient) private readonly registry: RegistryClient) {}

  // Declared before ':code', so "search" is never taken for a unit code.
  @Get('search')
  @ApiOkResponse({ description: 'The registry’s matches, best first.', schema: answerSchema('FoundUnits') })
  @Roles(...anyRole)
  @ApiOperation({ summary: 'The registry’s unit search, passed through' })
  search(@Query() search: UnitSearchQuery, @Asking() asker: Asker): Promise<unknown> {
    const { q, asOf, limit } = search;
    return this.registry.answer(`/units/search${query({ q, asOf, limit })}`, asker.authorization);
  }

  @Get(':code/coverage')
  @ApiOkResponse({
    description:
      'The registry’s coverage of the unit and each child: villages with an active team, teams, members, and the teams of former units still to move in after a reform.',
    schema: answerSchema('CoverageReport'),
  })
  @Roles('ioc-operator', 'district-oc', 'commune-officer', 'partner', 'admin')
  @ApiOperation({ summary: 'A unit’s coverage by teams, from the registry' })
  coverage(@Param('code') code: string, @Asking() asker: Asker): Promise<unknown> {
    return this.registry.answer(`/units/${encodeURIComponent(code)}/coverage`, asker.authorization);
  }

  @Get(':code/carry-overs')
  @ApiOkResponse({
    description:
      'The registry’s carry-overs under the unit: for each commune formed by a reform, what its carry-over would still do and what waits for a person.',
    schema: answerSchema('CarryOvers'),
  })
  @Roles('ioc-operator', 'district-oc', 'commune-officer', 'admin')
  @ApiOperation({ summary: 'Where the carry-overs stand under a unit, from the registry' })
  carryOvers(@Param('code') code: string, @Asking() asker: Asker): Promise<unknown> {
    return this.registry.answer(`/units/${encodeURIComponent(code)}/carry-overs`, asker.authorization);
  }

  @Get(':code')
  @ApiOkResponse({
    description: 'The registry’s unit with its path, children and lineage.',
    schema: answerSchema('UnitDetail'),
  })
  @Roles(...anyRole)
  @ApiOperation({ summary: 'A unit with its path and children, from the registry' })
  unit(@Param('code') code: string, @Query() at: AsOfQuery, @Asking() asker: Asker): Promise<unknown> {
    return this.registry.answer(
      `/units/${encodeURIComponent(code)}${query({ asOf: at.asOf })}`,
      asker.authorization,
    );
  }
}
