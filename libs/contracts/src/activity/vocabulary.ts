// What a member did for residents: the kinds the domain brief lists, with the words operators read.
export const activityKinds = {
  vneid_activation: 'Cài đặt, kích hoạt VNeID',
  public_service_account: 'Tạo tài khoản Cổng Dịch vụ công quốc gia',
  online_application: 'Nộp hồ sơ dịch vụ công trực tuyến',
  e_payment_account: 'Mở tài khoản ngân hàng, thanh toán điện tử',
  e_health_app: 'Cài đặt Sổ sức khỏe điện tử',
  digital_address: 'Đăng ký địa chỉ số',
  e_commerce_onboarding: 'Hỗ trợ bán hàng trên sàn thương mại điện tử',
  security_guidance: 'Hướng dẫn an toàn thông tin, phòng chống lừa đảo',
  communication_session: 'Tuyên truyền, phổ biến',
  heritage_qr: 'Số hóa di tích bằng mã QR',
  other: 'Khác',
} as const;
export type ActivityKind = keyof typeof activityKinds;

/** More residents than this in one report is a typing mistake, not a day's work. */
export const maxResidentsPerActivity = 10_000;
