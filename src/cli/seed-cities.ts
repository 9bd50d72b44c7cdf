/**
 * Loads the shipped city data (data/cities/rates.json and iit.json, converted by convert-cities.ts) into the
 * cities tables. Idempotent: an unchanged period is skipped, a changed shipped one rewritten, an editor's kept.
 */
import { readFileSync } from 'node:fs';
import { type CitiesModule, shippedRatesFileSchema, shippedTaxFileSchema } from '../cities';

export async function seedCities(cities: Pick<CitiesModule, 'service'>, dataDir: string) {
  const read = (name: string) => JSON.parse(readFileSync(`${dataDir}/cities/${name}`, 'utf8'));
  const rates = shippedRatesFileSchema.parse(read('rates.json'));
  const tax = shippedTaxFileSchema.parse(read('iit.json'));
  return cities.service.loadShipped(rates, tax);
}
