import { describe, expect, it } from 'vitest';
import { isLoopbackHost, listenOptionsFrom } from '../../hq/server';

describe('where `npm run hq` listens (HOST, PORT)', () => {
  it('listens on 127.0.0.1:8787 unless told otherwise', () => {
    expect(listenOptionsFrom({})).toEqual({ host: '127.0.0.1', port: 8787 });
    expect(listenOptionsFrom({ HOST: '', PORT: ' ' })).toEqual({ host: '127.0.0.1', port: 8787 });
  });

  it('takes HOST and PORT from the environment', () => {
    expect(listenOptionsFrom({ HOST: '0.0.0.0', PORT: '9000' })).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(listenOptionsFrom({ HOST: '::' })).toEqual({ host: '::', port: 8787 });
    expect(listenOptionsFrom({ HOST: '[::1]' })).toEqual({ host: '::1', port: 8787 });
    expect(listenOptionsFrom({ HOST: 'hq.field.example.gov', PORT: '0' })).toEqual({
      host: 'hq.field.example.gov',
      port: 0,
    });
    expect(listenOptionsFrom({ HOST: ' 10.1.2.3 ' }).host).toBe('10.1.2.3');
  });

  it('refuses a malformed HOST or PORT, naming it', () => {
    for (const HOST of ['a b', 'http://0.0.0.0', '0.0.0.0:80', '-bad.example', 'x'.repeat(300), 'host\u0000name']) {
      expect(() => listenOptionsFrom({ HOST }), HOST).toThrow(/^HOST must be/);
    }
    for (const PORT of ['abc', '70000', '-1', '80.5', '0x50', '1e3', '123456']) {
      expect(() => listenOptionsFrom({ PORT }), PORT).toThrow(/^PORT must be/);
    }
  });

  it('tells loopback addresses from the ones other computers reach', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].map(isLoopbackHost)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '10.1.2.3', 'hq.example.gov'].map(isLoopbackHost)).toEqual([false, false, false, false]);
  });
});
