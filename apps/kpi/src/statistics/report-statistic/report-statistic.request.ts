import { ApiProperty } from '@nestjs/swagger';
import { calendarDayPattern, unitCodePattern, unitCodeRule } from '@nhip/contracts';
import { IsIn, IsInt, IsISO8601, IsString, Length, Matches, Max, Min } from 'class-validator';
import { statisticIds, type StatisticId } from '../../indicators/indicator.ts';

/** A figure a source system reports for a unit (population aged 15+, procedures offered, …). */
export class ReportStatisticDto {
  @ApiProperty({ example: '24172' })
  @Matches(unitCodePattern, { message: `unitCode ${unitCodeRule}` })
  unitCode!: string;

  @ApiProperty({ enum: statisticIds, example: 'population_15_plus' })
  @IsIn(statisticIds)
  statistic!: StatisticId;

  @ApiProperty({ example: 9876 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  value!: number;

  @ApiProperty({ example: '2025-06-30', description: 'The date the figure describes.' })
  @IsISO8601({ strict: true })
  @Matches(calendarDayPattern, { message: 'asOf must be a calendar date, YYYY-MM-DD' })
  asOf!: string;

  @ApiProperty({ example: 'Cục Thống kê tỉnh Đắk Lắk, niên giám 2024' })
  @IsString()
  @Length(1, 300)
  source!: string;
}
