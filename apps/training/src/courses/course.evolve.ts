import type { CourseEvent, CourseState } from './course.ts';

export const initialCourseState = (): CourseState => ({ status: 'none' });

export const evolveCourse = (_state: CourseState, event: CourseEvent): CourseState => ({
  status: 'defined',
  title: event.data.title,
});
