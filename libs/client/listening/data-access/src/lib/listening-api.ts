import { call, type TallApi } from '@tall/client/api';
import type { VideoAnswerBody, VideoAnswerResult, VideoList, VideoListQuery, VideoPositionBody, VideoView, ViewingPosition } from './listening-types';

/** What the listening pages ask of the API. Failures are thrown as ApiProblem. */
export interface ListeningApi {
  listVideos(query: VideoListQuery): Promise<VideoList>;
  /** The video with fresh pre-signed URLs of its film, poster and subtitles (they live minutes). */
  getVideo(id: string): Promise<VideoView>;
  answer(videoId: string, body: VideoAnswerBody): Promise<VideoAnswerResult>;
  /** `keepalive` lets the report outlive the page (the tab being closed). */
  savePosition(videoId: string, body: VideoPositionBody, options?: { keepalive?: boolean }): Promise<ViewingPosition>;
}

export function createListeningApi(api: TallApi): ListeningApi {
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    listVideos: (query) => call(api.GET('/api/v1/listening/videos', { params: { query } })),
    getVideo: (id) => call(api.GET('/api/v1/listening/videos/{id}', path(id))),
    answer: async (videoId, body) => (await call(api.POST('/api/v1/listening/videos/{id}/answers', { ...path(videoId), body }))) as unknown as VideoAnswerResult,
    savePosition: (videoId, body, options = {}) =>
      call(api.PUT('/api/v1/listening/videos/{id}/position', { ...path(videoId), body, ...(options.keepalive ? { keepalive: true } : {}) })),
  };
}
