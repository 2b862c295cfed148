import { randomUUID } from 'node:crypto';
import type { Json } from '../../support/http';

export type Role = 'TECH_ADMIN' | 'EDU_ADMIN' | 'TEACHER' | 'STUDENT';
export type Actor = 'anonymous' | Role;
export const ACTORS: readonly Actor[] = ['anonymous', 'STUDENT', 'TEACHER', 'EDU_ADMIN', 'TECH_ADMIN'];

export interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

export interface SignedIn {
  id: string;
  role: Role;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export const PASSWORD = 'a long e2e passphrase';

let counter = 0;
export function newEmail(label = 'user'): string {
  return `${label}.${++counter}.${randomUUID().slice(0, 8)}@e2e.example.org`;
}

/** A thin client of Tall's identity API for black-box tests. */
export class IdentityApi {
  constructor(readonly baseUrl: string) {}

  async call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: Json;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: response.status, body, headers: response.headers };
  }

  login(email: string, password: string, device: { deviceId?: string; deviceName?: string } = {}): Promise<Answer> {
    return this.call('POST', '/auth/login', { body: { email, password, ...device } });
  }

  register(email = newEmail('student'), password = PASSWORD): Promise<Answer> {
    return this.call('POST', '/auth/register', { body: { email, password, firstName: 'Eva', lastName: 'Tester' } });
  }

  async signIn(email: string, password: string): Promise<SignedIn> {
    const answer = await this.login(email, password);
    if (answer.status !== 200) throw new Error(`sign-in of ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return { id: answer.body.user.id, role: answer.body.user.role, email, password, accessToken: answer.body.accessToken, refreshToken: answer.body.refreshToken };
  }

  /** A new account of `role`, created by the admin, and signed in. */
  async newUser(adminToken: string, role: Role, label = role.toLowerCase()): Promise<SignedIn> {
    const email = newEmail(label);
    const created = await this.call('POST', '/users', { token: adminToken, body: { email, role, firstName: 'Test', lastName: role, password: PASSWORD } });
    if (created.status !== 201) throw new Error(`creating a ${role} answered ${created.status}: ${JSON.stringify(created.body)}`);
    return this.signIn(email, PASSWORD);
  }
}
