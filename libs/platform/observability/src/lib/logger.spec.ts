import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { RequestContext } from './request-context';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('createLogger', () => {
  it('redacts secrets and personal fields at several depths', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: 'canary-pw-1',
        body: { email: 'canary@example.test', refreshToken: 'canary-rt', profile: { firstName: 'Canaryname' } },
        req: { headers: { authorization: 'Bearer canary-jwt', cookie: 'sid=canary-cookie' } },
      },
      'login attempt',
    );
    const output = lines.join('');
    for (const canary of ['canary-pw-1', 'canary@example.test', 'canary-rt', 'Canaryname', 'canary-jwt', 'canary-cookie']) {
      expect(output).not.toContain(canary);
    }
    expect(output).toContain('[redacted]');
    expect(output).toContain('login attempt');
  });

  it('stamps the correlation id of the current request', () => {
    const { lines, logger } = capture();
    RequestContext.run({ correlationId: 'corr-123' }, () => logger.info('inside'));
    logger.info('outside');
    expect(JSON.parse(lines[0]).correlationId).toBe('corr-123');
    expect(JSON.parse(lines[1]).correlationId).toBeUndefined();
  });
});
