import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { UserDataSection } from '@tall/platform/call-contracts';
import { publicStatus } from '@tall/profile/domain';
import { PROFILE_STORE, type ProfileStore } from '../../ports/profile-store.port';
import { ExportProfileDataQuery } from './export-profile-data.query';

/** profile's section of the GDPR export: the account, its sessions and devices, its teacher↔student links. */
@QueryHandler(ExportProfileDataQuery)
export class ExportProfileDataHandler implements IQueryHandler<ExportProfileDataQuery> {
  constructor(@Inject(PROFILE_STORE) private readonly store: ProfileStore) {}

  async execute({ userId }: ExportProfileDataQuery): Promise<UserDataSection> {
    const { user, sessions, links } = await this.store.read(async (tx) => ({
      user: await tx.users.findById(userId),
      sessions: await tx.sessions.listAll(userId),
      links: await tx.links.linksOf(userId),
    }));
    const base = {
      context: 'profile',
      purposes: [
        'Signing you in and keeping you signed in on your devices',
        'Deciding what your role lets you do in Tall',
        'Letting your teachers follow your progress (teacher–student links)',
        'Protecting your account against password guessing and stolen sessions',
      ],
      retention:
        'Your account for as long as it exists; sessions until they end or expire (7 days after last use). On erasure the account keeps only its id, role and dates, marked erased.',
      recipients: ['Tall technical administrators', 'Tall educational administrators', 'Your teachers (your id and status only)'],
    };
    if (!user || user.status === 'pending') return { ...base, data: {}, statement: 'Tall holds no account with this id.' };
    return {
      ...base,
      data: {
        account: { id: user.id, role: user.role, status: publicStatus(user.status), createdAt: user.createdAt.toISOString() },
        credentials: {
          password: user.passwordHash ? 'stored as an argon2id hash only; Tall cannot read it' : 'none',
          email: user.emailIndex ? 'stored only as a keyed hash for sign-in lookups; the address itself is held by the pii context' : 'none',
        },
        sessions: sessions.map((session) => ({
          id: session.id,
          deviceId: session.deviceId,
          deviceName: session.deviceName,
          createdAt: session.createdAt.toISOString(),
          lastUsedAt: session.lastUsedAt.toISOString(),
          expiresAt: session.expiresAt.toISOString(),
          endedAt: session.revokedAt?.toISOString() ?? null,
        })),
        links: links.map((link) => ({
          as: link.teacherId === userId ? 'teacher' : 'student',
          teacherId: link.teacherId,
          studentId: link.studentId,
          linkedAt: link.linkedAt.toISOString(),
        })),
      },
    };
  }
}
