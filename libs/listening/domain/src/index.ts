export * from './lib/videos/video';
export * from './lib/videos/timed-questions';
export * from './lib/viewing/viewing';
export * from './lib/media/media-policy';
export * from './lib/devices/device-key';
export * from './lib/seed/seed-video';
