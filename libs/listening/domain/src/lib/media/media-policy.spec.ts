import { baseMediaType, checkPlannedUpload, checkPlaybackUrlTtl, MAX_PLAYBACK_URL_TTL_SECONDS, MediaRejectedError, mediaObjectKey, uploadMismatch } from './media-policy';

describe('media uploads', () => {
  it('accepts an MP4, a still image, and WebVTT subtitles with their language', () => {
    expect(checkPlannedUpload({ kind: 'video', contentType: 'video/mp4', sizeBytes: 1_000_000 })).toBe('video/mp4');
    expect(checkPlannedUpload({ kind: 'poster', contentType: 'Image/JPEG', sizeBytes: 40_000 })).toBe('image/jpeg');
    expect(checkPlannedUpload({ kind: 'subtitles', lang: 'nl', contentType: 'text/vtt; charset=utf-8', sizeBytes: 900 })).toBe('text/vtt');
  });

  it.each([
    [{ kind: 'video', contentType: 'video/webm', sizeBytes: 10 }, 'unsupportedType'],
    [{ kind: 'subtitles', lang: 'nl', contentType: 'application/x-subrip', sizeBytes: 10 }, 'unsupportedType'],
    [{ kind: 'poster', contentType: 'image/png', sizeBytes: 5 * 1024 ** 2 + 1 }, 'tooLarge'],
    [{ kind: 'subtitles', contentType: 'text/vtt', sizeBytes: 10 }, 'language'],
    [{ kind: 'video', lang: 'nl', contentType: 'video/mp4', sizeBytes: 10 }, 'language'],
  ] as const)('refuses %j (%s)', (upload, reason) => {
    const refusal = (() => {
      try {
        checkPlannedUpload(upload);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(MediaRejectedError);
    expect((refusal as MediaRejectedError).reason).toBe(reason);
  });

  it('keeps every upload under the context’s prefix, under a key of its own', () => {
    const uploadId = '6f1c7e0b-5a2d-4e8f-9b3c-1d2e3f4a5b6c';
    expect(mediaObjectKey('op-de-markt', { uploadId, kind: 'subtitles', lang: 'en', contentType: 'text/vtt' })).toBe(`listening/videos/op-de-markt/subtitles-en-${uploadId}.vtt`);
    expect(mediaObjectKey('op-de-markt', { uploadId, kind: 'video', lang: null, contentType: 'video/mp4' })).toBe(`listening/videos/op-de-markt/video-${uploadId}.mp4`);
  });

  it('compares what storage holds with what was announced', () => {
    expect(uploadMismatch({ contentType: 'video/mp4', sizeBytes: 10 }, { contentType: 'video/mp4', sizeBytes: 10 })).toBeNull();
    expect(uploadMismatch({ contentType: 'text/vtt', sizeBytes: 10 }, { contentType: 'text/vtt;charset=utf-8', sizeBytes: 10 })).toBeNull();
    expect(uploadMismatch({ contentType: 'video/mp4', sizeBytes: 10 }, { contentType: 'video/mp4', sizeBytes: 9 })).toMatch(/9 bytes stored, 10 announced/);
    expect(uploadMismatch({ contentType: 'video/mp4', sizeBytes: 10 }, { contentType: 'application/octet-stream', sizeBytes: 10 })).toMatch(/octet-stream/);
    expect(baseMediaType(' Text/VTT ; charset=utf-8')).toBe('text/vtt');
  });
});

describe('playback URLs', () => {
  it('live from one second to fifteen minutes, in whole seconds', () => {
    expect(checkPlaybackUrlTtl(1)).toBe(1);
    expect(checkPlaybackUrlTtl(600)).toBe(600);
    expect(checkPlaybackUrlTtl(MAX_PLAYBACK_URL_TTL_SECONDS)).toBe(900);
    for (const ttl of [0, -1, 1.5, 901, 3_600, Number.NaN]) expect(() => checkPlaybackUrlTtl(ttl)).toThrow(RangeError);
  });
});
