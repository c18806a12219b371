/**
 * The shape every catalogue must have, taken from the English one: the same keys, a string where
 * English has a string, and every plural form the language needs where English has forms.
 * Parameters are typed from English's placeholders, so `t('object.open')` without a title, or
 * with a misspelt one, does not compile.
 */
import type { en } from './en';

type English = typeof en;

/** A key of the message catalogue. */
export type MessageKey = keyof English;

/** A message that changes with a number; `other` is also the form for fractions. */
export interface PluralForms {
  other: string;
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
}

/** Russian counts: 1, 21 предмет; 2–4, 22 предмета; 5–20, 25 предметов; 1,5 предмета. */
export interface RussianPlural extends PluralForms {
  one: string;
  few: string;
  many: string;
}

/** A complete catalogue for a language whose plural messages take `Forms`. */
export type Catalogue<Forms extends PluralForms> = {
  readonly [K in MessageKey]: English[K] extends string ? string : Forms;
};

/** `{name}` placeholders of a message text (a union over every form of a plural message). */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

type Texts<M> = M extends string ? M : M[keyof M];

/** The parameters a message takes: its placeholders, and `count` (a number) for plural messages. */
export type Params<K extends MessageKey> = (English[K] extends string ? unknown : { count: number }) & {
  [P in Exclude<Placeholders<Texts<English[K]>>, 'count'>]: string | number;
};

/** No argument for a message without placeholders; its parameters otherwise. */
export type ParamArgs<K extends MessageKey> = [Placeholders<Texts<English[K]>>] extends [never] ? [] : [params: Params<K>];

/** Looks a message up and fills it in, in the current language. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
