import { IsChosenId } from '@nhip/service-http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { trainingTopics, type TrainingTopic } from '@nhip/contracts';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const notBlank = (field: string) => Matches(/\S/, { message: `${field} must not be blank` });

export class DefineCourseDto {
  @ApiPropertyOptional({
    description:
      'Chosen by the client; derived from the Idempotency-Key when absent. A retry is recorded once.',
  })
  @IsOptional()
  @IsChosenId()
  courseId?: string;

  @ApiProperty({ example: 'Phổ cập kỹ năng số cộng đồng' })
  @IsString()
  @Length(1, 300)
  @notBlank('title')
  title!: string;

  @ApiProperty({ enum: Object.keys(trainingTopics), example: 'digital_skills' })
  @IsIn(Object.keys(trainingTopics))
  topic!: TrainingTopic;

  @ApiProperty({ example: 'Bộ Thông tin và Truyền thông' })
  @IsString()
  @Length(1, 300)
  @notBlank('provider')
  provider!: string;

  @ApiPropertyOptional({ example: 'OneTouch', description: 'The online platform it runs on, if any.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @notBlank('platform')
  platform?: string;
}
