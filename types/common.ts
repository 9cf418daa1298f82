import { z } from 'zod'
import { NOT_PROVIDED } from './vocabulary'

export const NotProvided = z.literal(NOT_PROVIDED)
export type NotProvided = z.infer<typeof NotProvided>

/** A value that is either known or explicitly marked as not provided by the sources. */
export const orNotProvided = <T extends z.ZodType>(schema: T) => z.union([schema, NotProvided])

/** Line breaks (\n, \r, U+2028/2029) and other control characters (C0, DEL, C1). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const BREAK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/**
 * A single-line text field: refuses line breaks and control characters with a Chinese reason naming
 * the field (`label`). Such fields go into one-line places (lists, notices to staff groups), where a
 * newline could forge a line of its own.
 */
export const singleLine = <T extends z.ZodString>(schema: T, label: string): T =>
  schema.refine((value) => !BREAK_OR_CONTROL.test(value), `${label}只能填一行，不能包含换行或控制字符`) as T

/** Stable slug ids: lowercase ascii, digits and dashes (qingyun, pingyuan-jingde). */
export const SlugId = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能包含小写字母、数字和连字符')

/** The article a record comes from, by file name (e.g. 001_6e7580bd8c09cae9.txt in cloud/content/sources). */
export const SourceFile = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, '应为 seeds 中的文章文件名')

/**
 * A figure exactly as the article gives it: value and unit as printed (18 亿元, 667 亩, 4 万平方米, 80 %).
 * `label` says what it measures. Conversions (to ㎡, to 万元) are done by plain functions, never stored.
 */
export const Figure = z.object({
  label: z.string().min(1).max(40),
  value: z.number().finite().nonnegative(),
  unit: z.string().max(12),
  /** Qualifier the article attaches: 近 (nearly), 超过, 余 ("20余次"). */
  qualifier: z.enum(['近', '超过', '余', '约']).optional(),
  /** The year the figure refers to, when known. */
  year: z.number().int().min(1990).max(2100).optional(),
})
export type Figure = z.infer<typeof Figure>

/** One error shape for every 4xx/5xx the API sends. `fields` maps a path (a.b.0) to a reason. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBody>

/** Cursor paging: `cursor` is opaque; `nextCursor` is null on the last page. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type PageQuery = z.infer<typeof PageQuery>

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
    total: z.number().int().nonnegative(),
  })
export type Page<T> = { items: T[]; nextCursor: string | null; total: number }

/** A plain list without paging (zones, policies of one park...). */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) })
export type List<T> = { items: T[] }
