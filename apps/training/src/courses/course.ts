// A course members are trained on: defined once, under a client-chosen or request-derived id.
import type { CourseDefinedData, TrainingTopic } from '@nhip/contracts';

export interface CourseDefinition {
  readonly courseId: string;
  readonly title: string;
  readonly topic: TrainingTopic;
  readonly provider: string;
  readonly platform: string | null;
}

export type CourseEvent = { type: 'CourseDefined'; data: CourseDefinedData };

export interface DefineCourse {
  readonly type: 'DefineCourse';
  readonly course: CourseDefinition;
  /** ISO instant the request arrived. */
  readonly at: string;
}
export type CourseCommand = DefineCourse;

export type CourseState =
  { readonly status: 'none' } | { readonly status: 'defined'; readonly title: string };

export const courseStreamPrefix = 'course-';
export const courseStream = (courseId: string): string => `${courseStreamPrefix}${courseId}`;
