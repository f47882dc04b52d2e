// rm_courses: every course, in the command's transaction and on rebuild.
import type { Tx } from '@nhip/event-sourcing';
import type { CourseEvent } from '../course.ts';

export async function projectCourses(tx: Tx, events: readonly CourseEvent[]): Promise<void> {
  for (const { data } of events) {
    await tx.query(
      `INSERT INTO rm_courses (course_id, title, topic, provider, platform) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (course_id) DO NOTHING`,
      [data.courseId, data.title, data.topic, data.provider, data.platform],
    );
  }
}
