import type { UserView } from '@tall/profile/contracts';
import { publicStatus, type UserAccount } from '@tall/profile/domain';

export function toUserView(user: UserAccount): UserView {
  return { id: user.id, role: user.role, status: publicStatus(user.status), createdAt: user.createdAt.toISOString() };
}
