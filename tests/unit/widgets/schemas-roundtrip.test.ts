import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseSchema,
  defaults,
  parseParams,
  serializeParams,
  withDefaults,
  type ParamSchema,
  type ParamSpec,
} from '../../../src/components/controls/params';
import { widgetParams } from '../../../src/components/widgets/schemas';
import { widgetNames } from '../../../src/components/widgets/registry';

/** Any value a parameter accepts: a number on its step grid, one of its options, a boolean. */
function valueOf(p: ParamSpec): fc.Arbitrary<unknown> {
  if (p.type === 'boolean') return fc.boolean();
  if (p.type === 'enum') return fc.constantFrom(...p.options);
  const decimals = (String(p.step).split('.')[1] ?? '').length;
  const steps = Math.floor((p.max - p.min) / p.step + 1e-9);
  return fc
    .integer({ min: 0, max: steps })
    .map((k) => Number((p.min + k * p.step).toFixed(decimals)));
}

/** A whole valid state of a schema. */
function stateOf(schema: ParamSchema): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(schema.map((p) => [p.key, valueOf(p)])));
}

describe.each(widgetNames.map((name) => [name, widgetParams[name].schema as ParamSchema]))(
  'the %s schema',
  (_name, schema) => {
    it('serializeParams then parseParams returns every valid state, with no notices', () => {
      fc.assert(
        fc.property(stateOf(schema), (state) => {
          const url = serializeParams(schema, state as never);
          expect(parseParams(schema, url)).toEqual({ values: state, notices: [] });
        }),
      );
    });

    it('round-trips in a namespace beside other widgets’ keys, which it keeps', () => {
      fc.assert(
        fc.property(stateOf(schema), (state) => {
          const url = serializeParams(schema, state as never, '?other.rtt=5&lang=zh', 'w');
          expect(parseParams(schema, url, 'w')).toEqual({ values: state, notices: [] });
          const query = new URLSearchParams(url);
          expect([query.get('other.rtt'), query.get('lang')]).toEqual(['5', 'zh']);
        }),
      );
    });

    it('an embed URL made from a chapter widget’s state (starting values set) reads back as that state', () => {
      fc.assert(
        fc.property(stateOf(schema), stateOf(schema), (initial, state) => {
          const chapter = withDefaults(schema, initial as never);
          expect(baseSchema(chapter)).toBe(schema);
          const url = serializeParams(baseSchema(chapter), state as never);
          expect(parseParams(schema, url).values).toEqual(state);
        }),
      );
    });

    it('writes only the values that differ from the defaults', () => {
      fc.assert(
        fc.property(stateOf(schema), (state) => {
          const d = defaults(schema) as Record<string, unknown>;
          const keys = [...new URLSearchParams(serializeParams(schema, state as never)).keys()];
          expect(keys).toEqual(schema.filter((p) => state[p.key] !== d[p.key]).map((p) => p.key));
        }),
      );
    });
  },
);
