import { describe, it } from '@jest/globals';
import { deciderSpec } from '@nhip/decider';
import type { CourseEvent, DefineCourse } from './course.ts';
import { courseDecider } from './course.decider.ts';

const spec = deciderSpec(courseDecider);
const course = {
  courseId: '5b1e7c2a-9d3f-4a6b-8c0e-1f2a3b4c5d6e',
  title: 'Phổ cập kỹ năng số cộng đồng',
  topic: 'digital_skills' as const,
  provider: 'Bộ Thông tin và Truyền thông',
  platform: 'OneTouch',
};
const define: DefineCourse = { type: 'DefineCourse', course, at: '2022-09-01T02:00:00.000Z' };
const defined: CourseEvent = { type: 'CourseDefined', data: { ...course, recordedAt: define.at } };

describe('a course', () => {
  it('is defined with its title, topic, provider and platform', () => {
    spec.given([]).when(define).then([defined]);
  });

  it('is defined once: another definition under its id is refused', () => {
    spec.given([defined]).when(define).thenRefused('course_already_registered', 'courseId');
  });
});
