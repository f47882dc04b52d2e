import type { Aggregate } from '@nhip/event-sourcing';
import { projectCourses } from './course-catalog/index.ts';
import type { CourseCommand, CourseEvent, CourseState } from './course.ts';
import { courseDecider } from './course.decider.ts';
import { courseOutbox } from './course.public-events.ts';

export const courseAggregate: Aggregate<CourseCommand, CourseEvent, CourseState> = {
  decider: courseDecider,
  toOutbox: courseOutbox,
  project: projectCourses,
};
