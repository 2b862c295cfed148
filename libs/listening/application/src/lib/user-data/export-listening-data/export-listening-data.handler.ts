import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';
import { STUDENT_LISTENING_STORE, type StudentListeningStore } from '../../ports/student-listening-store.port';
import { ExportListeningDataQuery } from './export-listening-data.query';

/** Devices with their public key's thumbprint: the content key is no personal data, and stays sealed. */
@QueryHandler(ExportListeningDataQuery)
export class ExportListeningDataHandler implements IQueryHandler<ExportListeningDataQuery> {
  constructor(@Inject(STUDENT_LISTENING_STORE) private readonly students: StudentListeningStore) {}

  async execute({ userId }: ExportListeningDataQuery): Promise<UserDataSection> {
    const { viewings, answers, devices } = await this.students.exportOf(userId);
    return {
      context: 'listening',
      data: {
        videoPositions: viewings.map((viewing) => ({
          videoId: viewing.videoId,
          positionSeconds: viewing.positionSeconds,
          watchedSeconds: viewing.watchedSeconds,
          completed: viewing.completed,
          startedAt: viewing.startedAt.toISOString(),
          updatedAt: viewing.updatedAt.toISOString(),
        })),
        answers: answers.map((answer) => ({
          videoId: answer.videoId,
          questionId: answer.questionId,
          kind: answer.kind,
          answer: answer.answer,
          correct: answer.correct,
          skipped: answer.skipped,
          positionSeconds: answer.positionSeconds,
          attempts: answer.attempts,
          at: answer.at.toISOString(),
        })),
        devices: devices.map((device) => ({
          deviceId: device.deviceId,
          name: device.name,
          keyThumbprint: device.keyThumbprint,
          registeredAt: device.registeredAt.toISOString(),
          revokedAt: device.revokedAt?.toISOString() ?? null,
        })),
      },
      purposes: [
        'Letting you resume a video where you stopped',
        'Grading your answers to the questions in videos and showing your results to you and your teachers',
        'Letting the devices you registered keep videos offline, encrypted',
      ],
      retention: 'Until your account is erased; a device until you revoke it',
      recipients: ['You', 'Your teachers (videos watched and answer results, through the progress record)'],
    };
  }
}
