// Who works with training: the province, a district, a commune organise sessions, record attendance
// and read them within their area; admin everywhere. Partners read public aggregates only, so none
// of this.
export const trainingStaff = ['ioc-operator', 'district-oc', 'commune-officer', 'admin'] as const;
