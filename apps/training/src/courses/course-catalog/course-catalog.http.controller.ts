import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Roles } from '@nhip/auth';
import { trainingStaff } from '../../sessions/session-catalog/index.ts';
import { notFound, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import type { CourseDefinition } from '../course.ts';
import { findCourse, listCourses } from './course-catalog.queries.ts';

@ApiTags('courses')
@Controller('courses')
export class CourseCatalogController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Get()
  @ApiOkResponse({ description: 'Every course.', schema: answerSchema('Courses') })
  @Roles(...trainingStaff)
  async list(): Promise<{ items: CourseDefinition[] }> {
    return { items: await listCourses(this.pool) };
  }

  @Get(':courseId')
  @ApiOkResponse({ description: 'The course.', schema: answerSchema('Course') })
  @Roles(...trainingStaff)
  async one(@Param('courseId') courseId: string): Promise<CourseDefinition> {
    const id = requireUuid(courseId, 'courseId');
    const course = await findCourse(this.pool, id);
    if (!course) throw notFound('course', 'courseId', id);
    return course;
  }
}
