import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { type CourseDefinedData, answerSchema } from '@nhip/contracts';
import { Caller, Roles, type Principal } from '@nhip/auth';
import { requestContext } from '@nhip/service-http';
import pg from 'pg';
import { defineCourse } from './define-course.handler.ts';
import { DefineCourseDto } from './define-course.request.ts';

@ApiTags('courses')
@Controller('courses')
export class DefineCourseController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Post()
  @HttpCode(201)
  @ApiResponse({
    status: 201,
    description: 'Defined: the event, as partners read it.',
    schema: answerSchema('CourseDefined'),
  })
  // Courses are what a province's department offers its teams: the IOC's province, or admin.
  @Roles('ioc-operator', 'admin')
  define(
    @Body() body: DefineCourseDto,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ): Promise<CourseDefinedData> {
    const input = {
      courseId: body.courseId?.toLowerCase(),
      title: body.title.normalize('NFC').trim(),
      topic: body.topic,
      provider: body.provider.normalize('NFC').trim(),
      platform: body.platform?.normalize('NFC').trim() ?? null,
    };
    return defineCourse(this.pool, input, requestContext(headers, caller));
  }
}
