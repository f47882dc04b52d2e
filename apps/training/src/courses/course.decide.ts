// A course is defined once; another definition under its id is refused, never merged.
import { DomainRuleViolation } from '@nhip/decider';
import type { CourseCommand, CourseEvent, CourseState } from './course.ts';

export function decideCourse(command: CourseCommand, state: CourseState): CourseEvent[] {
  if (state.status === 'defined') {
    throw new DomainRuleViolation(
      'course_already_registered',
      `Course ${command.course.courseId} is already defined as "${state.title}": choose another id.`,
      'courseId',
    );
  }
  return [{ type: 'CourseDefined', data: { ...command.course, recordedAt: command.at } }];
}
