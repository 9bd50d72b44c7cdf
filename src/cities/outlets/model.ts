/**
 * Service outlets (社保经办服务网点): the services they offer, their words, and one outlet as an editor gives it (a
 * CSV line). Every outlet names the public page it was taken from and the day it was checked: none is invented.
 */
import { z } from 'zod';
import type { MessageKey } from '../../platform/web/messages';

export const OUTLET_SERVICES = [
  'enrolment',
  'card-reissue',
  'pension',
  'medical-insurance',
  'unemployment',
  'work-injury',
  'maternity',
  'transfer',
  'records',
] as const;
export type OutletService = (typeof OUTLET_SERVICES)[number];

export const OUTLET_SERVICE_LABEL: Record<OutletService, MessageKey> = {
  enrolment: 'cities.outlets.svc.enrolment',
  'card-reissue': 'cities.outlets.svc.cardReissue',
  pension: 'cities.outlets.svc.pension',
  'medical-insurance': 'cities.outlets.svc.medicalInsurance',
  unemployment: 'cities.outlets.svc.unemployment',
  'work-injury': 'cities.outlets.svc.workInjury',
  maternity: 'cities.outlets.svc.maternity',
  transfer: 'cities.outlets.svc.transfer',
  records: 'cities.outlets.svc.records',
};

/** The CSV's columns, in this order (the header line names them). */
export const OUTLET_COLUMNS = [
  'city',
  'name',
  'address',
  'district',
  'phone',
  'hours',
  'services',
  'source_url',
  'verified_on',
] as const;

export interface Outlet {
  id: number;
  citySlug: string;
  name: string;
  address: string;
  district: string | null;
  phone: string | null;
  hours: string | null;
  services: OutletService[];
  sourceUrl: string;
  verifiedOn: string;
}

export type OutletInput = Omit<Outlet, 'id'>;

const text = (max: number, key: MessageKey) => z.string().trim().min(1, key).max(max, key);
const optionalText = z
  .string()
  .trim()
  .max(200, 'cities.outlets.error.text')
  .transform((v) => (v === '' ? null : v));

/** One outlet as given (every field a string); `today` bounds the day it was checked. */
export function outletSchema(today: string) {
  return z.object({
    city: z.string().trim(),
    name: text(200, 'cities.outlets.error.name'),
    address: text(300, 'cities.outlets.error.address'),
    district: optionalText,
    phone: optionalText,
    hours: optionalText,
    services: z.string(),
    source_url: z
      .string()
      .trim()
      .max(500, 'cities.outlets.error.sourceUrl')
      .regex(/^https?:\/\/[^\s/]+\.[^\s]+$/, 'cities.outlets.error.sourceUrl'),
    verified_on: z
      .string()
      .trim()
      .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'cities.outlets.error.verifiedOn')
      .refine((day) => day <= today, 'cities.outlets.error.verifiedOn'),
  });
}
