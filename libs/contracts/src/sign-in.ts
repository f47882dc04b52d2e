// The words a token shares with every service (ADR 0022): the roles an identity provider may put in
// `role`, and the audience the services expect unless configured otherwise.
export const roles = ['ioc-operator', 'district-oc', 'commune-officer', 'partner', 'admin'] as const;
export type Role = (typeof roles)[number];

export const isRole = (value: unknown): value is Role => roles.includes(value as Role);

/** The `aud` Nhịp's services accept by default (AUTH_AUDIENCE). */
export const defaultAudience = 'nhip';
