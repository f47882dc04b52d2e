import type { Decider } from '@nhip/decider';
import type { CourseCommand, CourseEvent, CourseState } from './course.ts';
import { decideCourse } from './course.decide.ts';
import { evolveCourse, initialCourseState } from './course.evolve.ts';

export const courseDecider: Decider<CourseCommand, CourseEvent, CourseState> = {
  initialState: initialCourseState,
  decide: decideCourse,
  evolve: evolveCourse,
};
