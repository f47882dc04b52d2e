// Nest's loggers get their date formatter on first use in the bundle, not when their module loads.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { describe, expect, it } from '@jest/globals';
import { lazyFormatter } from './bundle-service.ts';

const nestFile = (name: string) => createRequire(import.meta.url).resolve(`@nestjs/common/services/${name}`);

/** Runs the source with an Intl that counts the formatters made; `stamp()` formats once. */
function load(source: string) {
  const made: unknown[] = [];
  class DateTimeFormat {
    constructor(...args: unknown[]) {
      made.push(args);
    }
    format = () => 'stamped';
  }
  const context = vm.createContext({ Intl: { DateTimeFormat } });
  vm.runInContext(`${source}\nglobalThis.stamp = () => dateTimeFormatter.format(0);`, context);
  return { made, stamp: () => (context['stamp'] as () => string)() };
}

describe('the bundle’s lazy Nest date formatter', () => {
  const snippet = `const dateTimeFormatter = new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    hour: 'numeric',
});`;

  it('makes no formatter when the module loads, one on first use with the same options, and reuses it', () => {
    expect(load(snippet).made).toHaveLength(1);
    const lazy = load(lazyFormatter(snippet, 'logger.service.js'));
    expect(lazy.made).toHaveLength(0);
    expect([lazy.stamp(), lazy.stamp()]).toEqual(['stamped', 'stamped']);
    expect(lazy.made).toEqual([[undefined, { year: 'numeric', hour: 'numeric' }]]);
  });

  it('finds the line in the installed Nest’s two loggers', () => {
    for (const name of ['console-logger.service.js', 'logger.service.js']) {
      const changed = lazyFormatter(fs.readFileSync(nestFile(name), 'utf8'), name);
      expect(changed).not.toMatch(/const dateTimeFormatter = new Intl/);
    }
  });

  it('fails the build, saying what to look at, when Nest no longer has the line', () => {
    expect(() => lazyFormatter('const other = 1;', 'logger.service.js')).toThrow(
      /logger.service.js no longer makes its date formatter.*update or remove lazyNestDateFormatter/,
    );
  });
});
