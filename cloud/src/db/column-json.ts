import { getTableColumns, type Table } from 'drizzle-orm'

// Rows as JSON keyed by column name: what PostgreSQL's jsonb_populate_record reads and to_jsonb(row)
// writes, for the SQL functions that take or return whole rows in one jsonb value.

/** A row (or part of one) keyed by column name; instants as ISO text. */
export const toColumnJson = <T extends Table>(table: T, row: Partial<T['$inferSelect']>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(getTableColumns(table)).flatMap(([field, column]) => {
      if (!(field in row)) return []
      const value = (row as Record<string, unknown>)[field]
      return [[column.name, value instanceof Date ? value.toISOString() : value]]
    }),
  )

/** A row from to_jsonb(row): fields by their column names, values as drizzle maps them (instants as Date). */
export const fromColumnJson = <T extends Table>(table: T, json: Record<string, unknown>): T['$inferSelect'] =>
  Object.fromEntries(
    Object.entries(getTableColumns(table)).map(([field, column]) => {
      const value = json[column.name]
      return [field, value === null || value === undefined ? null : column.mapFromDriverValue(value)]
    }),
  ) as T['$inferSelect']
