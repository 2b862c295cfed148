import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EventEnvelope } from '@tall/platform/event-contracts';
import type { Video, Viewing } from '@tall/listening/domain';
import type { ContentKeyBinding, ContentKeyVault, SealedContentKey } from '../lib/ports/content-key-vault.port';
import type { MediaStorage, ShortLivedUrl } from '../lib/ports/media-storage.port';
import type { AnswerRecord, DeviceRecord, StudentListeningStore } from '../lib/ports/student-listening-store.port';
import type { VideoFilter, VideoStore } from '../lib/ports/video-store.port';
import { isMediaReady } from '@tall/listening/domain';

/** Copies, so a handler holding a result cannot change what is stored (as with a real database). */
const copy = <T>(value: T): T => structuredClone(value);

/** The library in memory, with the port's revision check. */
export class MemoryVideoStore implements VideoStore {
  readonly videos = new Map<string, Video>();
  private readonly interleaved: Array<() => void> = [];

  /** Runs `write` just before the next save: another admin got there first. */
  beforeNextSave(write: () => void): void {
    this.interleaved.push(write);
  }

  add(video: Video): Video {
    this.videos.set(video.id, copy(video));
    return video;
  }

  async list(filter: VideoFilter): Promise<Video[]> {
    return [...this.videos.values()]
      .filter((video) => (!filter.readyOnly || isMediaReady(video.media)) && (!filter.level || video.level === filter.level) && (!filter.topic || video.topic === filter.topic))
      .sort((a, b) => a.level.localeCompare(b.level) || a.title.localeCompare(b.title))
      .map(copy);
  }

  async get(id: string): Promise<Video | null> {
    const video = this.videos.get(id);
    return video ? copy(video) : null;
  }

  async save(video: Video, expectedRevision: number): Promise<boolean> {
    this.interleaved.shift()?.();
    if ((this.videos.get(video.id)?.revision ?? 0) !== expectedRevision) return false;
    this.videos.set(video.id, copy(video));
    return true;
  }
}

/**
 * Students' listening data in memory, with the port's semantics. `events` holds every event
 * written with a change, as the outbox would relay them.
 */
export class MemoryStudentListeningStore implements StudentListeningStore {
  readonly viewings = new Map<string, Viewing>();
  readonly answers = new Map<string, AnswerRecord>();
  readonly devices = new Map<string, DeviceRecord>();
  readonly events: EventEnvelope[] = [];
  viewingWrites = 0;
  private readonly interleaved: Array<() => void> = [];

  beforeNextViewingWrite(write: () => void): void {
    this.interleaved.push(write);
  }

  eventsOf(type: string): EventEnvelope[] {
    return this.events.filter((event) => event.type === type);
  }

  storedViewing(userId: string, videoId: string): Viewing | undefined {
    const viewing = this.viewings.get(`${userId}:${videoId}`);
    return viewing ? copy(viewing) : undefined;
  }

  writeViewingDirectly(userId: string, videoId: string, viewing: Viewing): void {
    this.viewings.set(`${userId}:${videoId}`, copy(viewing));
  }

  async viewingsOf(userId: string): Promise<Map<string, Viewing>> {
    const found = new Map<string, Viewing>();
    for (const [id, viewing] of this.viewings) if (id.startsWith(`${userId}:`)) found.set(id.slice(userId.length + 1), copy(viewing));
    return found;
  }

  async saveViewing(userId: string, videoId: string, viewing: Viewing, expectedRevision: number, events: EventEnvelope[]): Promise<boolean> {
    this.viewingWrites++;
    this.interleaved.shift()?.();
    const id = `${userId}:${videoId}`;
    if ((this.viewings.get(id)?.revision ?? 0) !== expectedRevision) return false;
    this.viewings.set(id, copy(viewing));
    this.events.push(...events);
    return true;
  }

  async answersOf(userId: string, videoId: string): Promise<AnswerRecord[]> {
    return [...this.answers.values()].filter((answer) => answer.userId === userId && answer.videoId === videoId).map(copy);
  }

  async saveAnswer(answer: Omit<AnswerRecord, 'attempts'>, event: EventEnvelope): Promise<void> {
    const id = `${answer.userId}:${answer.videoId}:${answer.questionId}`;
    this.answers.set(id, copy({ ...answer, attempts: (this.answers.get(id)?.attempts ?? 0) + 1 }));
    this.events.push(event);
  }

  async devicesOf(userId: string): Promise<DeviceRecord[]> {
    return [...this.devices.values()].filter((device) => device.userId === userId).map(copy);
  }

  async device(userId: string, deviceId: string): Promise<DeviceRecord | null> {
    const device = this.devices.get(deviceId);
    return device?.userId === userId ? copy(device) : null;
  }

  async addDevice(device: DeviceRecord): Promise<void> {
    this.devices.set(device.deviceId, copy(device));
  }

  async revokeDevice(userId: string, deviceId: string, at: Date): Promise<boolean> {
    const device = this.devices.get(deviceId);
    if (device?.userId !== userId || device.revokedAt) return false;
    this.devices.set(deviceId, { ...device, revokedAt: at, contentKey: null });
    return true;
  }

  async exportOf(userId: string) {
    return {
      viewings: [...(await this.viewingsOf(userId))].map(([videoId, viewing]) => ({ videoId, ...viewing })),
      answers: [...this.answers.values()].filter((answer) => answer.userId === userId).map(copy),
      devices: await this.devicesOf(userId),
    };
  }

  async erase(userId: string): Promise<void> {
    for (const id of this.viewings.keys()) if (id.startsWith(`${userId}:`)) this.viewings.delete(id);
    for (const [id, answer] of this.answers) if (answer.userId === userId) this.answers.delete(id);
    for (const [id, device] of this.devices) if (device.userId === userId) this.devices.delete(id);
  }
}

/**
 * Storage as the port sees it: objects by key with their type and size, and URLs that name the
 * key and the expiry (a real signature is S3's business, tested against moto).
 */
export class MemoryMediaStorage implements MediaStorage {
  readonly objects = new Map<string, { contentType: string; sizeBytes: number }>();
  readonly signed: Array<{ method: 'GET' | 'PUT'; key: string; ttlSeconds: number; contentType?: string }> = [];

  constructor(private readonly now: () => Date) {}

  async presignGet(key: string, ttlSeconds: number): Promise<ShortLivedUrl> {
    this.signed.push({ method: 'GET', key, ttlSeconds });
    return this.url(key, ttlSeconds, {});
  }

  async presignPut(key: string, contentType: string, ttlSeconds: number): Promise<ShortLivedUrl> {
    this.signed.push({ method: 'PUT', key, ttlSeconds, contentType });
    return this.url(key, ttlSeconds, { 'content-type': contentType });
  }

  async head(key: string) {
    const object = this.objects.get(key);
    return object ? { ...object } : null;
  }

  /** What a client's PUT to the URL would leave behind. */
  put(key: string, contentType: string, sizeBytes: number): void {
    this.objects.set(key, { contentType, sizeBytes });
  }

  private url(key: string, ttlSeconds: number, headers: Record<string, string>): ShortLivedUrl {
    const expiresAt = new Date(this.now().getTime() + ttlSeconds * 1000);
    return { url: `https://media.example/${key}?expires=${expiresAt.getTime()}`, headers, expiresAt };
  }
}

/** AES-256-GCM under one random key, bound to the student and device as the real vault binds them. */
export class MemoryContentKeyVault implements ContentKeyVault {
  private readonly key = randomBytes(32);
  opened = 0;

  async seal(contentKey: Buffer, binding: ContentKeyBinding): Promise<SealedContentKey> {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(Buffer.from(`${binding.userId}:${binding.deviceId}`));
    const sealed = Buffer.concat([nonce, cipher.update(contentKey), cipher.final(), cipher.getAuthTag()]);
    return { keyVersion: 'memory', sealed: sealed.toString('base64') };
  }

  async open(sealed: SealedContentKey, binding: ContentKeyBinding): Promise<Buffer> {
    this.opened++;
    const bytes = Buffer.from(sealed.sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${binding.userId}:${binding.deviceId}`));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
  }
}

/** A clock a test moves by hand. */
export class TestClock {
  constructor(public now: Date) {}

  readonly read = (): Date => new Date(this.now);

  advance(ms: number): Date {
    this.now = new Date(this.now.getTime() + ms);
    return this.now;
  }
}
