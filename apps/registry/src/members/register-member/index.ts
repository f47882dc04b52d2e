export { RegisterMemberController } from './register-member.http.controller.ts';
