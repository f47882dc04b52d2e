import type pg from 'pg';
import type { CourseDefinition } from '../course.ts';

type Db = Pick<pg.Pool, 'query'>;

const columns = `course_id AS "courseId", title, topic, provider, platform`;

export async function listCourses(db: Db): Promise<CourseDefinition[]> {
  return (await db.query<CourseDefinition>(`SELECT ${columns} FROM rm_courses ORDER BY title, course_id`))
    .rows;
}

export async function findCourse(db: Db, courseId: string): Promise<CourseDefinition | undefined> {
  const { rows } = await db.query<CourseDefinition>(
    `SELECT ${columns} FROM rm_courses WHERE course_id = $1`,
    [courseId],
  );
  return rows[0];
}
