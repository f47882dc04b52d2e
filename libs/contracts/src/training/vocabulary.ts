// Words the training service and its partners share: stable codes in events, Vietnamese labels on screen.

/** What a course teaches; the domain brief's training topics. */
export const trainingTopics = {
  digital_skills: 'Kỹ năng số cơ bản',
  information_security: 'An toàn thông tin, phòng chống lừa đảo trực tuyến',
  online_public_services: 'Dịch vụ công trực tuyến',
  e_payment: 'Thanh toán điện tử',
  vneid: 'Định danh và xác thực điện tử (VNeID)',
  e_commerce: 'Thương mại điện tử',
  digital_transformation: 'Chuyển đổi số',
  other: 'Khác',
} as const;
export type TrainingTopic = keyof typeof trainingTopics;

/** How a session is held: in one place, or online with bridge points (điểm cầu). */
export const sessionModes = {
  in_person: 'Trực tiếp',
  online: 'Trực tuyến',
} as const;
export type SessionMode = keyof typeof sessionModes;

export const sessionStatuses = ['planned', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
