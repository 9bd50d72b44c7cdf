import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Cities (issue 15): social insurance and housing fund bases and rates per city, insurance and
// period, as versioned rows (a new year's notice is a new period, not an edit), with their sources and confidence;
// and the national income-tax schedule. Money is yuan a month, rates percent; NULL is "not in the data", never 0.
export function cities(dialect: DialectName): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement();
  const realType = dialect === 'postgres' ? 'double precision' : 'real';
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('cities')
        .addColumn('slug', 'text', (c) => c.primaryKey())
        .addColumn('region_code', 'text', (c) => c.notNull().unique().references('regions.code'))
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('rent_deduction', realType)
        .execute();
      await db.schema
        .createTable('city_sources')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('date', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('covers', 'text')
        .execute();
      await db.schema
        .createTable('city_periods')
        .addColumn('id', idType, id)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('city_slug', 'text', (c) => c.notNull().references('cities.slug').onDelete('cascade'))
        .addColumn('year_label', 'text', (c) => c.notNull())
        // ISO dates; NULL when the source states none (such a period is never in force on a date).
        .addColumn('effective_from', 'text')
        .addColumn('effective_to', 'text')
        .addColumn('confidence', 'text', (c) => c.notNull())
        .addColumn('confidence_note', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
        // JSON array of city_sources ids.
        .addColumn('source_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        // shipped (data/cities, replaced when the shipped file changes) or editor (added by hand, never touched).
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('city_periods_in_force')
        .on('city_periods')
        .columns(['city_slug', 'effective_from'])
        .execute();
      await db.schema
        .createTable('city_rates')
        .addColumn('id', idType, id)
        .addColumn('period_id', 'integer', (c) => c.notNull().references('city_periods.id').onDelete('cascade'))
        .addColumn('insurance', 'text', (c) => c.notNull())
        .addColumn('base_floor', realType)
        .addColumn('base_ceiling', realType)
        .addColumn('employee_rate', realType)
        .addColumn('employer_rate', realType)
        .addColumn('rate_min', realType)
        .addColumn('rate_max', realType)
        .addColumn('employee_fixed', realType)
        // 0/1; NULL when the data does not say.
        .addColumn('merged_into_medical', 'integer')
        .addColumn('rounding', 'text', (c) => c.notNull().defaultTo('fen'))
        .addColumn('base_confidence', 'text', (c) => c.notNull())
        .addColumn('rate_confidence', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addUniqueConstraint('city_rates_period_insurance', ['period_id', 'insurance'])
        .execute();
      await db.schema
        .createTable('income_tax_schedules')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('valid_from', 'text', (c) => c.notNull())
        .addColumn('valid_to', 'text')
        // The schedule as shipped (brackets, deductions, sources): read whole, never queried inside.
        .addColumn('data_json', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['income_tax_schedules', 'city_rates', 'city_periods', 'city_sources', 'cities']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
