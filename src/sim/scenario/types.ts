/**
 * The scenario's types, derived from the field table (`fields.ts`) with mapped types: a field
 * added to the table appears in `Scenario`, in `ScenarioInput` and in the flat `FieldValues`
 * without being written again. `Scenario` is the validated, complete form (every field present
 * but the optional ones); `ScenarioInput` the deep-partial form JSON files contain.
 */
import type { COMPOSITE_FIELDS, CompositePath, FieldPath, OPTIONAL_SECTIONS } from './fields';
import type { SCENARIO_FIELDS } from './fields';

type Fields = typeof SCENARIO_FIELDS;
type Composites = typeof COMPOSITE_FIELDS;
type OptionalSection = (typeof OPTIONAL_SECTIONS)[number];

/** The value a spec describes: a number, a boolean, one of an enum's strings, a path or a host. */
export type SpecValue<S> = S extends { readonly kind: 'number' | 'integer' }
  ? number
  : S extends { readonly kind: 'boolean' }
    ? boolean
    : S extends { readonly kind: 'enum'; readonly values: readonly (infer V)[] }
      ? V
      : S extends { readonly kind: 'path' | 'host' | 'url-path' }
        ? string
        : never;

/** The value of the scalar field at a dotted path. */
export type FieldValue<P extends FieldPath> = SpecValue<Fields[P]>;

/** Scalar fields whose spec is `optional` (absent = never, or another field's value). */
type OptionalField = {
  [P in FieldPath]: Fields[P] extends { readonly optional: true } ? P : never;
}[FieldPath];

/** Scalar fields that stay absent when absent: optional ones and those of optional sections. */
export type OptionalPath = OptionalField | Extract<FieldPath, `${OptionalSection}.${string}`>;

/** Every scalar value of a scenario by dotted path (what the cross-field rules read). */
export type FieldValues = { readonly [P in Exclude<FieldPath, OptionalPath>]: FieldValue<P> } & {
  readonly [P in OptionalPath]?: FieldValue<P>;
};

/** Top-level scalar fields (`seed`, `tls`). */
type TopPath = Exclude<FieldPath, `${string}.${string}`>;
/** Section names (`network`, `tcp` …). */
type SectionName = FieldPath extends infer P
  ? P extends `${infer S}.${string}`
    ? S
    : never
  : never;

/** The item fields of a composite (everything but its `maxItems` and `numberItem`). */
type ItemKey<C extends CompositePath> = Exclude<keyof Composites[C], 'maxItems' | 'numberItem'>;
type Marked<S, M extends 'optional' | 'required'> = S extends { readonly [K in M]: true }
  ? true
  : false;

/** One item of a composite after validation (optional fields may be absent). */
export type CompositeItem<C extends CompositePath> = {
  readonly [
    K in ItemKey<C> as Marked<Composites[C][K], 'optional'> extends true ? never : K
  ]: SpecValue<Composites[C][K]>;
} & {
  readonly [
    K in ItemKey<C> as Marked<Composites[C][K], 'optional'> extends true ? K : never
  ]?: SpecValue<Composites[C][K]>;
};

/** One item of a composite as written (only `required` fields must be given). */
type CompositeItemInput<C extends CompositePath> = {
  readonly [
    K in ItemKey<C> as Marked<Composites[C][K], 'required'> extends true ? K : never
  ]: SpecValue<Composites[C][K]>;
} & {
  readonly [
    K in ItemKey<C> as Marked<Composites[C][K], 'required'> extends true ? never : K
  ]?: SpecValue<Composites[C][K]>;
};

/** A composite as written: its items, each maybe a bare number; or the scalar of the same path. */
type CompositeInput<C extends CompositePath> =
  | (C extends FieldPath ? FieldValue<C> : never)
  | readonly (
      | (Composites[C] extends { readonly numberItem: string } ? number : never)
      | CompositeItemInput<C>
    )[];

/** The fields of a section whose path starts with `S.` (scalars; composites replace scalars). */
type SectionOf<S extends string> = {
  readonly [
    P in Exclude<FieldPath, OptionalField | CompositePath> as P extends `${S}.${infer F}`
      ? F
      : never
  ]: FieldValue<P>;
} & {
  readonly [
    P in Exclude<OptionalField, CompositePath> as P extends `${S}.${infer F}` ? F : never
  ]?: FieldValue<P>;
} & {
  readonly [
    C in CompositePath as C extends `${S}.${infer F}` ? F : never
  ]: readonly CompositeItem<C>[];
};

/** A section as written: every field optional, composites in their input forms. */
type SectionInputOf<S extends string> = {
  readonly [
    P in Exclude<FieldPath, CompositePath> as P extends `${S}.${infer F}` ? F : never
  ]?: FieldValue<P>;
} & {
  readonly [C in CompositePath as C extends `${S}.${infer F}` ? F : never]?: CompositeInput<C>;
};

/** Top-level composites (`followUps`). */
type TopComposite = Exclude<CompositePath, `${string}.${string}`>;

/** A complete, validated scenario (every field present but the optional ones). */
export type Scenario = { readonly [P in TopPath]: FieldValue<P> } & {
  readonly [S in Exclude<SectionName, OptionalSection>]: SectionOf<S>;
} & { readonly [S in OptionalSection]?: SectionOf<S> } & {
  readonly [C in TopComposite]: readonly CompositeItem<C>[];
};

/** Deep-partial input accepted by `validateScenario` and `simulate` (what JSON files contain). */
export type ScenarioInput = { readonly [P in TopPath]?: FieldValue<P> } & {
  readonly [S in SectionName]?: SectionInputOf<S>;
} & { readonly [C in TopComposite]?: CompositeInput<C> };

/**
 * HTTP versions simulated: 0.9, 1.0 and 1.1 (one request at a time per connection), 2 (streams
 * over TCP), 3 (streams over QUIC).
 */
export type HttpVersion = FieldValue<'http.version'>;

/** When the browser learns about the page's objects. */
export type Discovery = FieldValue<'page.discovery'>;

/** One page object (subresource) after normalization (`processingMs` absent = the server's). */
export type PageObject = CompositeItem<'page.objects'>;

/** A request issued later in time (a user click), not part of the page load. */
export type FollowUp = CompositeItem<'followUps'>;

/**
 * Clients arriving as a seeded Poisson process over `durationMs`; each is a small browser (own
 * pool, own idle timeout) that fetches `objectsPerClient` objects of `objectBytes` (the first,
 * then the rest when it has arrived, as `page.discovery` says) and then goes away, leaving its
 * connections to the idle timeouts. K = 1 is the image host; K = 30 a normal page.
 */
export type Workload = SectionOf<'workload'>;

/** A validation error: dotted field path and a message with the allowed range. */
export interface ValidationError {
  readonly path: string;
  readonly message: string;
}

/** Result of `validateScenario`. */
export type ValidationResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };
