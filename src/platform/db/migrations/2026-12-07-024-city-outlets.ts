import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { DialectName } from '../connection';

// Frozen in time. Cities (issue 15, the rest): social security service outlets per city, each with the public
// page it was taken from and the day it was checked; and who added a contribution period by hand (editors add a
// new year's notice at /admin/cities; shipped periods have no one).
export function cityOutlets(dialect: DialectName): Migration {
  const idType = dialect === 'postgres' ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey() : col.primaryKey().autoIncrement();
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('city_outlets')
        .addColumn('id', idType, id)
        .addColumn('city_slug', 'text', (c) => c.notNull().references('cities.slug').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('district', 'text')
        .addColumn('phone', 'text')
        .addColumn('hours', 'text')
        // JSON array of service names (card-reissue, pension, medical-insurance …).
        .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('source_url', 'text', (c) => c.notNull())
        // ISO date: when someone last checked the outlet against its source.
        .addColumn('verified_on', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One outlet of a name per city: a CSV imported again updates the outlets it names.
      await db.schema
        .createIndex('city_outlets_city_name')
        .on('city_outlets')
        .columns(['city_slug', 'name'])
        .unique()
        .execute();
      await db.schema.alterTable('city_periods').addColumn('created_by', 'integer').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('city_periods').dropColumn('created_by').execute();
      await db.schema.dropTable('city_outlets').execute();
    },
  };
}
