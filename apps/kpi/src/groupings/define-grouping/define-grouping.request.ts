import { ApiProperty } from '@nestjs/swagger';
import { unitCodePattern, unitCodeRule } from '@nhip/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches } from 'class-validator';
import { groupingCodePattern, groupingCodeRule } from '../../figures/named-grouping.ts';

/** A named set of units that rolls up like a unit, read through the same views under its code. */
export class DefineGroupingDto {
  @ApiProperty({ example: 'ven-bien-da-nang', description: 'The grouping’s code, read as a unit’s.' })
  @Matches(groupingCodePattern, { message: `code ${groupingCodeRule}` })
  code!: string;

  @ApiProperty({ example: 'Các phường ven biển Đà Nẵng' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({
    example: ['20194', '20197', '20200'],
    description: 'Units of the tree in force, each inside the caller’s area; at least one.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'units must list at least one unit' })
  @ArrayMaxSize(2000)
  @Matches(unitCodePattern, { each: true, message: `each of units ${unitCodeRule}` })
  units!: string[];
}
