// A member's personal data (member_personal_data, personal_data_audit): read, erased, audited.
export { PersonalDataController } from './personal-data.http.controller.ts';
export {
  insertPersonalData,
  memberExists,
  recordAccess,
  type PersonalData,
} from './personal-data.queries.ts';
