export { LiveStreamController } from './live-stream.http.controller.ts';
export { ChangeHub, type ChangeHubOptions } from './change-hub.ts';
export { SseConnection, frameOf, type Frame, type StreamFilter } from './sse-connection.ts';
