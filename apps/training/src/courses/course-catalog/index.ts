export { CourseCatalogController } from './course-catalog.http.controller.ts';
export { projectCourses } from './course-catalog.projection.ts';
export { findCourse } from './course-catalog.queries.ts';
