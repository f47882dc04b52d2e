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
 * Just the two registry reads the dashboard makes (its search box and its breadcrumbs), so the
 * dashboard talks to one origin. The unit trees are public reference data to every signed-in role
 * (ADR 0022): no scope check here, and the registry checks the token again.
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
