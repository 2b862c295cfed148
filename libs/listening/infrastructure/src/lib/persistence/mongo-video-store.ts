import type { Model } from 'mongoose';
import type { VideoFilter, VideoStore } from '@tall/listening/application';
import { isMediaReady, type PendingUpload, type Video, type VideoQuestion } from '@tall/listening/domain';
import type { VideoDocument } from './listening-models';

const DUPLICATE_KEY = 11000;

/** The listening library on mongoose. Students' lists read only ready videos, through an index. */
export class MongoVideoStore implements VideoStore {
  constructor(private readonly videos: Model<VideoDocument>) {}

  async ensureIndexes(): Promise<void> {
    await this.videos.collection.createIndex({ mediaReady: 1, level: 1, title: 1 }, { name: 'ready_level_title' });
  }

  async list(filter: VideoFilter): Promise<Video[]> {
    const query = {
      ...(filter.readyOnly ? { mediaReady: true } : {}),
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.topic ? { topic: filter.topic } : {}),
    };
    const documents = await this.videos.find(query).sort({ level: 1, title: 1 }).lean<VideoDocument[]>();
    return documents.map(videoOf);
  }

  async get(id: string): Promise<Video | null> {
    const document = await this.videos.findOne({ _id: id }).lean<VideoDocument>();
    return document ? videoOf(document) : null;
  }

  async save(video: Video, expectedRevision: number): Promise<boolean> {
    const document = documentOf(video);
    if (expectedRevision === 0) {
      try {
        await this.videos.insertMany([document]);
        return true;
      } catch (error) {
        // By code: mongoose's driver and ours may be different copies of the mongodb package.
        if ((error as { code?: unknown }).code === DUPLICATE_KEY) return false;
        throw error;
      }
    }
    const result = await this.videos.replaceOne({ _id: video.id, revision: expectedRevision }, document);
    return result.matchedCount === 1;
  }
}

function documentOf(video: Video): VideoDocument {
  const { id, ...fields } = video;
  return { _id: id, ...fields, questions: fields.questions, uploads: fields.uploads, mediaReady: isMediaReady(video.media) };
}

function videoOf(document: VideoDocument): Video {
  return {
    id: document._id,
    title: document.title,
    level: document.level as Video['level'],
    topic: document.topic,
    durationSeconds: document.durationSeconds,
    questions: document.questions as VideoQuestion[],
    media: { video: document.media.video ?? null, poster: document.media.poster ?? null, subtitles: document.media.subtitles ?? {} },
    uploads: (document.uploads ?? []) as PendingUpload[],
    createdAt: document.createdAt,
    updatedAt: document.updatedAt,
    revision: document.revision,
  };
}
