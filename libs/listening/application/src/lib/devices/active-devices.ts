import { Inject, Injectable } from '@nestjs/common';
import { listeningErrors } from '../listening-error';
import { STUDENT_LISTENING_STORE, type DeviceRecord, type StudentListeningStore } from '../ports/student-listening-store.port';

/** A student's own device, not revoked: another student's is "not found", a revoked one "revoked". */
@Injectable()
export class ActiveDevices {
  constructor(@Inject(STUDENT_LISTENING_STORE) private readonly students: StudentListeningStore) {}

  async get(userId: string, deviceId: string): Promise<DeviceRecord> {
    const device = await this.students.device(userId, deviceId);
    if (!device) throw listeningErrors.deviceNotFound();
    if (device.revokedAt || !device.contentKey) throw listeningErrors.deviceRevoked();
    return device;
  }
}
