export { RegisterVillageController } from './register-village.http.controller.ts';
