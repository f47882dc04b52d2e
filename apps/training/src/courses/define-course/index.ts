export { DefineCourseController } from './define-course.http.controller.ts';
