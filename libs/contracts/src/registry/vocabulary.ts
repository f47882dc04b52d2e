// Words the registry and its partners share. Codes are stable English identifiers (they travel in
// events); labels are what Vietnamese operators read on screen.

export const teamTypes = {
  community_digital_technology: 'Tổ công nghệ số cộng đồng',
  project_06: 'Tổ triển khai Đề án 06',
  mobile_citizen_support: 'Tổ hỗ trợ công dân lưu động',
  youth_union_volunteers: 'Đội thanh niên tình nguyện',
  other: 'Tổ khác',
} as const;
export type TeamType = keyof typeof teamTypes;

export const memberRoles = {
  deputy_leader: 'Tổ phó',
  member: 'Thành viên',
} as const;
export type MemberRole = keyof typeof memberRoles;

/** Where a member comes from; the domain brief lists who typically serves on a team. */
export const affiliations = {
  commune_leadership: 'Lãnh đạo UBND xã',
  commune_civil_servant: 'Công chức xã',
  village_head: 'Trưởng thôn, buôn, ấp',
  residential_group_head: 'Tổ trưởng tổ dân phố',
  fatherland_front: 'Mặt trận Tổ quốc',
  womens_union: 'Hội Liên hiệp Phụ nữ',
  farmers_association: 'Hội Nông dân',
  veterans_association: 'Hội Cựu chiến binh',
  youth_union: 'Đoàn Thanh niên',
  police: 'Công an xã',
  telecom_staff: 'Nhân viên doanh nghiệp viễn thông',
  volunteer: 'Tình nguyện viên',
  other: 'Khác',
} as const;
export type Affiliation = keyof typeof affiliations;

export const teamStatuses = ['active', 'suspended', 'dissolved'] as const;
export type TeamStatus = (typeof teamStatuses)[number];

/** Units from the official list have national codes; villages are registered locally. */
export const unitOrigins = ['official', 'local'] as const;
export type UnitOrigin = (typeof unitOrigins)[number];

export const lineageRelations = ['full', 'partial'] as const;
export type LineageRelation = (typeof lineageRelations)[number];
