// Every label of the dashboard, Vietnamese first (messages-vi.ts), English beside it with the same
// keys (messages-en.ts), so the toggle can never leave a Vietnamese label behind.
export { vi, type MessageKey } from './messages-vi.ts';
export { en } from './messages-en.ts';
